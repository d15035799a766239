// Rules about one forløb at a time, against the project settings.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "rules/rules.hpp"
#include "schedule/schedule.hpp"

namespace cti::rules {

using i18n::tr;
using i18n::tr_n;

namespace {

void error(Diagnostics& out, const Forloeb& f, Pos p, const char* rule, std::string msg) {
  out.push_back(make_diag(f.file, p, Severity::error, rule, std::move(msg)));
}

// Every dated entry of a forløb other than the course dates, for order and future checks.
// Named by its key and, for a checklist item, the item: the name is put together only
// for a message (ten thousand files, one string each, showed in every command).
struct DatedEntry {
  std::string_view key, item;
  Date date;
  Pos pos;
  std::string what() const { return item.empty() ? std::string(key) : fmt::format("{}.{}", key, item); }
};

std::vector<DatedEntry> recorded_entries(const Forloeb& f) {
  std::vector<DatedEntry> out;
  for (const auto& m : f.checklist)
    if (m.done) out.push_back({"tjekliste", m.item, *m.done, m.pos});
  for (const auto& d : f.documentation) out.push_back({"dokumentation", doc_point_name(d.point), d.date, d.pos});
  if (f.peer && f.peer->offered) out.push_back({"peer_støtte.tilbudt", {}, *f.peer->offered, f.peer->offered.pos});
  if (f.peer && f.peer->matched) out.push_back({"peer_støtte.tilknyttet", {}, *f.peer->matched, f.peer->matched.pos});
  for (const auto& g : f.goals)
    if (g.reached) out.push_back({"mål.nået", {}, *g.reached, g.reached.pos});
  return out;
}

}  // namespace

void id_matches_file(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb)
    if (f.id && *f.id != f.stem)
      error(out, f, f.id.pos, "id-mismatch",
            fmt::format(fmt::runtime(tr("id '{}' differs from the file name '{}.yaml'; they must be equal",
                                        "id '{}' er forskelligt fra filnavnet '{}.yaml'; de skal være ens")),
                        *f.id, f.stem));
}

// A worker's name (navn: Mette Hansen, or just Mette) written where the id belongs.
static std::string worker_hint(const Project& p, const std::string& written, const std::vector<std::string>& ids) {
  auto lower = [](std::string t) {
    for (char& c : t)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return t;
  };
  const std::string w = lower(written);
  for (const auto& worker : p.workers) {
    const std::string name = lower(worker.name);
    const std::string first = name.substr(0, name.find(' '));
    if (!name.empty() && (w == name || w == first || w == lower(worker.id)))
      return fmt::format(fmt::runtime(tr(" (the id of {} is '{}')", " (id'et for {} er '{}')")),
                         worker.name.empty() ? worker.id : worker.name, worker.id);
  }
  return did_you_mean(written, ids);
}

void known_worker(const Input& in, Diagnostics& out) {
  std::vector<std::string> ids;
  for (const auto& w : in.repo.project.workers) ids.push_back(w.id);
  if (ids.empty()) return;  // cti.yaml has no usable medarbejdere; its own error says why
  const std::unordered_set<std::string_view> known(ids.begin(), ids.end());  // 10,000 forløb, 1,000 workers
  for (const auto& f : in.repo.forloeb)
    if (f.worker && !known.count(*f.worker))
      error(out, f, f.worker.pos, "unknown-worker",
            fmt::format(
                fmt::runtime(tr("medarbejder '{}' is not in cti.yaml", "medarbejder '{}' findes ikke i cti.yaml")),
                *f.worker) +
                worker_hint(in.repo.project, *f.worker, ids));
}

void known_subgroup(const Input& in, Diagnostics& out) {
  std::vector<std::string> groups;
  for (const auto& g : in.repo.project.subgroups) groups.push_back(g.value);
  if (groups.empty()) return;  // cti.yaml has no usable delmålgrupper; its own error says why
  for (const auto& f : in.repo.forloeb)
    if (f.subgroup && !in.repo.project.has_subgroup(*f.subgroup))
      error(out, f, f.subgroup.pos, "unknown-subgroup",
            fmt::format(fmt::runtime(tr("delmålgruppe '{}' is not in cti.yaml delmålgrupper",
                                        "delmålgruppe '{}' findes ikke blandt delmålgrupper i cti.yaml")),
                        *f.subgroup) +
                did_you_mean(*f.subgroup, groups));
}

void known_checklist_item(const Input& in, Diagnostics& out) {
  std::vector<std::string> ids;
  for (const auto& item : in.repo.project.checklist()) ids.push_back(item.id);
  for (const auto& f : in.repo.forloeb)
    for (const auto& m : f.checklist)
      if (std::find(ids.begin(), ids.end(), m.item) == ids.end())
        error(out, f, m.pos, "unknown-item",
              fmt::format(
                  fmt::runtime(tr("'{}' is not an item of any checklist", "'{}' er ikke et punkt på nogen tjekliste")),
                  m.item) +
                  did_you_mean(m.item, ids));
}

void date_order(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb) {
    auto end = f.ending && f.ending->date ? std::optional<Field<Date>>(f.ending->date) : std::nullopt;
    if (f.contact && f.start && *f.start < *f.contact)
      error(out, f, f.start.pos, "date-order",
            fmt::format(fmt::runtime(tr("opstart {} is before kontakt {}", "opstart {} ligger før kontakt {}")),
                        format_date(*f.start), format_date(*f.contact)));
    if (end && f.start && **end < *f.start)
      error(out, f, end->pos, "date-order",
            fmt::format(
                fmt::runtime(tr("afslutning.dato {} is before opstart {}", "afslutning.dato {} ligger før opstart {}")),
                format_date(**end), format_date(*f.start)));
    else if (end && f.contact && **end < *f.contact)
      error(out, f, end->pos, "date-order",
            fmt::format(
                fmt::runtime(tr("afslutning.dato {} is before kontakt {}", "afslutning.dato {} ligger før kontakt {}")),
                format_date(**end), format_date(*f.contact)));
    if (!f.contact) continue;
    for (const auto& e : recorded_entries(f))
      if (e.date < *f.contact)
        error(out, f, e.pos, "date-order",
              fmt::format(fmt::runtime(tr("{} {} is before kontakt {}", "{} {} ligger før kontakt {}")), e.what(),
                          format_date(e.date), format_date(*f.contact)));
  }
}

void move_in_window(const Input& in, Diagnostics& out) {
  const auto& months = in.repo.project.move_in_months;
  if (!months) return;
  for (const auto& f : in.repo.forloeb) {
    if (!f.start || !f.move_in) continue;
    Date earliest = add_months(*f.move_in, -*months);
    if (*f.start < earliest)
      error(out, f, f.start.pos, "early-start",
            fmt::format(fmt::runtime(tr_n(
                            *months, "opstart {} is more than {} month before indflytning {}; earliest allowed is {}",
                            "opstart {} is more than {} months before indflytning {}; earliest allowed is {}",
                            "opstart {} ligger mere end {} måned før indflytning {}; tidligst tilladt er {}",
                            "opstart {} ligger mere end {} måneder før indflytning {}; tidligst tilladt er {}")),
                        format_date(*f.start), *months, format_date(*f.move_in), format_date(earliest)));
  }
}

void future_date(const Input& in, Diagnostics& out) {
  const Date today = in.facts.today;
  auto warn = [&](const Forloeb& f, const auto& what, Date d, Pos p) {
    if (d > today)
      out.push_back(make_diag(f.file, p, Severity::warning, "future-date",
                              fmt::format(fmt::runtime(tr("{} {} is in the future (today is {})",
                                                          "{} {} ligger i fremtiden (i dag er {})")),
                                          what, format_date(d), format_date(today))));
  };
  for (const auto& f : in.repo.forloeb) {
    if (f.contact) warn(f, "kontakt", *f.contact, f.contact.pos);
    if (f.start) warn(f, "opstart", *f.start, f.start.pos);
    if (f.ending && f.ending->date) warn(f, "afslutning.dato", *f.ending->date, f.ending->date.pos);
    for (const auto& e : recorded_entries(f))
      if (e.date > today) warn(f, e.what(), e.date, e.pos);
    for (const auto& c : f.contacts) warn(f, "kontakter.dato", *c.date, c.date.pos);
  }
}

void past_planned_end(const Input& in, Diagnostics& out) {
  for (const auto& f : in.repo.forloeb) {
    if (f.ending || !schedule::is_overdue_end(f, in.facts.today)) continue;
    auto plan = schedule::plan_of(f);
    const int days = days_between(plan->planned_end, in.facts.today);
    std::string message =
        days == 1
            ? fmt::format(fmt::runtime(tr("the planned end {} has passed (1 day ago) and no afslutning is recorded",
                                          "den planlagte afslutning {} er passeret (for 1 dag siden), og der er "
                                          "ingen afslutning")),
                          format_date(plan->planned_end))
            : fmt::format(fmt::runtime(tr("the planned end {} has passed ({} days ago) and no afslutning is recorded",
                                          "den planlagte afslutning {} er passeret (for {} dage siden), og der er "
                                          "ingen afslutning")),
                          format_date(plan->planned_end), days);
    out.push_back(make_diag(f.file, f.start.pos, Severity::warning, "past-planned-end", std::move(message)));
  }
}

}  // namespace cti::rules
