// Rules about the method's own records in a forløb: the contact log (kontakter), the
// phase plan (fokusområder), the long-term plan (mål), peer support and the role where
// long-term support is anchored. The loader keeps what is written; these rules judge it
// against SPEC section 2 and cti.yaml (områder, roller).
#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "rules/rules.hpp"

namespace cti::rules {

using i18n::tr;
using i18n::tr_n;

namespace {

template <std::size_t N>
std::vector<std::string> words(const std::string_view (&list)[N]) {
  return {std::begin(list), std::end(list)};
}

std::string joined(const std::vector<std::string>& ws) {
  std::string out;
  for (const auto& w : ws) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

bool known(const std::vector<std::string>& ws, const std::string& w) {
  return std::find(ws.begin(), ws.end(), w) != ws.end();
}

// "<what> 'x' is not one of a, b, c (did you mean 'y'?)"
void unknown(Diagnostics& out, const Forloeb& f, const Field<std::string>& v, const char* rule, const std::string& what,
             const std::vector<std::string>& allowed) {
  if (!v || known(allowed, *v)) return;
  out.push_back(make_diag(
      f.file, v.pos, Severity::error, rule,
      fmt::format(fmt::runtime(tr("{} '{}' is not one of {}", "{} '{}' er ikke en af {}")), what, *v, joined(allowed)) +
          did_you_mean(*v, allowed)));
}

}  // namespace

void known_contact_values(const Input& in, Diagnostics& out) {
  const auto with = words(kContactWith), places = words(kContactPlaces), statuses = words(kContactStatuses);
  for (const auto& f : in.repo.forloeb)
    for (const auto& c : f.contacts) {
      unknown(out, f, c.with, "unknown-contact-kind", "kontakter.med", with);
      unknown(out, f, c.place, "unknown-contact-place", "kontakter.sted", places);
      unknown(out, f, c.status, "unknown-contact-status", "kontakter.status", statuses);
    }
}

void known_areas_and_roles(const Input& in, Diagnostics& out) {
  const auto areas = in.repo.project.all_areas();
  const auto roles = in.repo.project.all_roles();
  for (const auto& f : in.repo.forloeb) {
    for (const auto& fa : f.focus)
      for (const auto& a : fa.areas)
        unknown(out, f, a, "unknown-area", fmt::format("fokusområder.fase{}", fa.phase), areas);
    for (const auto& g : f.goals) unknown(out, f, g.area, "unknown-area", "mål.område", areas);
    unknown(out, f, f.anchored_role, "unknown-role", "ansvar_forankret_hos", roles);
    if (f.peer) unknown(out, f, f.peer->form, "invalid-value", "peer_støtte.form", words(kPeerForms));
  }
}

void contact_in_period(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb) {
    auto end = f.end_date();
    for (const auto& c : f.contacts) {
      const Date d = *c.date;
      if (f.contact && d < *f.contact)
        out.push_back(make_diag(
            f.file, c.date.pos, Severity::error, "contact-outside-period",
            fmt::format(fmt::runtime(tr("contact {} is before kontakt {}: the log covers kontakt to afslutning",
                                        "kontakten {} ligger før kontakt {}: loggen dækker kontakt til afslutning")),
                        format_date(d), format_date(*f.contact))));
      else if (end && d > *end)
        out.push_back(make_diag(
            f.file, c.date.pos, Severity::error, "contact-outside-period",
            fmt::format(
                fmt::runtime(tr("contact {} is after afslutning.dato {}: the log covers kontakt to afslutning",
                                "kontakten {} ligger efter afslutning.dato {}: loggen dækker kontakt til afslutning")),
                format_date(d), format_date(*end))));
    }
  }
}

void peer_matched_when_wanted(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb) {
    if (!f.peer || !f.peer->matched || (f.peer->wanted && *f.peer->wanted)) continue;
    out.push_back(make_diag(
        f.file, f.peer->matched.pos, Severity::error, "peer-not-wanted",
        std::string(f.peer->wanted
                        ? tr("peer_støtte.tilknyttet is recorded but ønsket is nej; a peer supporter is matched only "
                             "when the borger wants one",
                             "peer_støtte.tilknyttet er registreret, men ønsket er nej; en peer-støtte tilknyttes kun, "
                             "når borgeren ønsker det")
                        : tr("peer_støtte.tilknyttet needs ønsket: ja (a peer supporter is matched only when wanted)",
                             "peer_støtte.tilknyttet kræver ønsket: ja (en peer-støtte tilknyttes kun, når det "
                             "ønskes)"))));
  }
}

void focus_area_count(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb)
    for (const auto& fa : f.focus)
      if (fa.areas.size() > kFocusAreasMax)
        out.push_back(make_diag(f.file, fa.areas[kFocusAreasMax].pos, Severity::error, "too-many-focus-areas",
                                fmt::format(fmt::runtime(tr("fokusområder.fase{} has {} areas; the phase plan has 1-3 "
                                                            "focus areas per phase",
                                                            "fokusområder.fase{} har {} områder; faseplanen har 1-3 "
                                                            "fokusområder pr. fase")),
                                            fa.phase, fa.areas.size())));
}

void goal_count(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb) {
    const ChecklistMark* plan = f.mark("langsigtet-plan");
    if (!plan || !plan->done) continue;
    const std::size_t n = f.goals.size();
    if (n >= kPlanGoalsMin && n <= kPlanGoalsMax) continue;
    Pos at = n ? f.goals_pos : plan->pos;
    out.push_back(make_diag(
        f.file, at, Severity::warning, "goal-count",
        n == 0 ? fmt::format(fmt::runtime(tr("langsigtet-plan is recorded ({}) but mål lists no goals; the plan has "
                                             "2-3 goals",
                                             "langsigtet-plan er registreret ({}), men mål nævner ingen mål; planen "
                                             "har 2-3 mål")),
                             format_date(*plan->done))
               : fmt::format(
                     fmt::runtime(tr_n(static_cast<long long>(n), "mål lists {} goal; the long-term plan has 2-3 goals",
                                       "mål lists {} goals; the long-term plan has 2-3 goals",
                                       "mål nævner {} mål; den langsigtede plan har 2-3 mål",
                                       "mål nævner {} mål; den langsigtede plan har 2-3 mål")),
                     n)));
  }
}

}  // namespace cti::rules
