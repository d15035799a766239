// The obligations of a forløb as plain values (dues.hpp); schedule.cpp adds the texts.
#include "schedule/dues.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"

namespace cti::schedule {

namespace {

Date nominal_due(const Plan& plan, std::string_view point) {
  if (point == "kontakt" || point == "opstart") return plan.start;
  if (point == "fase2") return plan.phase2;
  if (point == "fase3") return plan.phase3;
  return plan.planned_end;
}

Due checklist_due(const Forloeb& f, const ChecklistItem& item, std::string_view point, Date due) {
  Due d;
  d.kind = Obligation::Kind::checklist;
  d.id = item.id;
  d.point = point;
  d.item = &item;
  d.due = due;
  if (const ChecklistMark* m = f.mark(item.id)) {
    d.done = m->done;
    d.not_relevant = m->not_relevant;
  }
  return d;
}

// What a forløb in the contact period owes (see obligations()).
std::vector<Due> contact_period_dues(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                                     const ObligationSettings& settings) {
  std::vector<Due> out;
  if (!f.contact || f.end_date()) return out;
  out.reserve(checklist.size() + 1);
  const Date due = add_days(*f.contact, settings.contact_period_days);
  for (const auto& item : checklist)
    if (item.stage == Stage::kontakt) out.push_back(checklist_due(f, item, "kontakt", due));
  Due start;
  start.kind = Obligation::Kind::start;
  start.id = "opstart";
  start.point = "kontakt";
  start.due = due;
  start.limit = settings.contact_period_days;
  start.days_since = settings.today ? days_between(*f.contact, *settings.today) : 0;
  out.push_back(start);
  return out;
}

// A stable sort by due date without a buffer: a forløb owes a score of things at most.
void sort_by_due(std::vector<Due>& v) {
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (!(v[i].due < v[i - 1].due)) continue;
    Due x = v[i];
    std::size_t j = i;
    for (; j > 0 && x.due < v[j - 1].due; --j) v[j] = v[j - 1];
    v[j] = x;
  }
}

}  // namespace

std::optional<Due> contact_due(const Forloeb& f, const ContactLimits& limits, Date today) {
  const Phase ph = phase_on(f, today);
  if (ph != Phase::fase1 && ph != Phase::fase2 && ph != Phase::fase3) return std::nullopt;
  const int phase = ph == Phase::fase1 ? 1 : ph == Phase::fase2 ? 2 : 3;
  Date last = *f.start;
  for (const auto& c : f.contacts)
    if (c.held() && *c.date <= today && *c.date > last) last = *c.date;
  Due d;
  d.kind = Obligation::Kind::contact;
  d.id = "kontakt";
  d.point = phase_name(ph);
  d.due = add_days(last, limits.for_phase(phase));
  if (auto end = f.end_date(); end && d.due > *end) return std::nullopt;
  d.days_since = days_between(last, today);
  d.limit = limits.for_phase(phase);
  d.phase = phase;
  return d;
}

std::vector<Due> dues(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                      const ObligationSettings& settings) {
  auto plan = plan_of(f);
  if (!plan) return contact_period_dues(f, checklist, settings);
  std::vector<Due> out;
  out.reserve(checklist.size() + std::size(kAllDocPoints) + 1);
  auto end = f.end_date();
  const bool completed = f.end_status() == EndStatus::completed;
  for (const auto& item : checklist) {
    const std::string_view point = stage_name(item.stage);
    Date due = item.id == kHandoverMeetingsItem ? plan->handover : nominal_due(*plan, point);
    if (end && due > *end) {
      if (!(completed && item.stage == Stage::afslutning)) continue;
      due = *end;
    }
    out.push_back(checklist_due(f, item, point, due));
  }
  for (DocPoint dp : kAllDocPoints) {
    const std::string_view point = doc_point_name(dp);
    Date due = nominal_due(*plan, point);
    if (end && due > *end) {
      if (dp != DocPoint::afslutning) continue;
      due = *end;
    }
    Due d;
    d.kind = Obligation::Kind::documentation;
    d.id = d.point = point;
    d.due = add_days(due, settings.documentation_grace_days);
    d.done = f.documented(dp);
    out.push_back(d);
  }
  if (settings.contact_log && settings.today)
    if (auto c = contact_due(f, *settings.contact_log, *settings.today)) out.push_back(*c);
  sort_by_due(out);
  return out;
}

bool on_default_board(const Forloeb& f, const std::vector<Due>& owed, Date today) {
  if (phase_on(f, today) != Phase::afsluttet) return true;
  const bool completed = f.end_status() == EndStatus::completed;
  for (const auto& o : owed) {
    if (o.not_relevant || (o.done && *o.done <= today)) continue;
    if (o.kind == Obligation::Kind::documentation && o.id == doc_point_name(DocPoint::afslutning)) return true;
    if (completed && o.kind == Obligation::Kind::checklist && o.point == "afslutning") return true;
  }
  return false;
}

State state_on(const Due& o, Date today, int horizon_days) {
  if (o.not_relevant) return State::not_relevant;
  if (o.done && *o.done <= today) return State::done;
  if (o.due < today) return State::overdue;
  if (days_between(today, o.due) <= horizon_days) return State::due_soon;
  return State::open;
}

Obligation to_obligation(const Due& d) {
  Obligation o{d.kind,
               std::string(d.id),
               d.item ? d.item->text : std::string(),
               std::string(d.point),
               d.due,
               d.done,
               d.not_relevant,
               d.days_since,
               d.limit};
  if (d.kind == Obligation::Kind::contact)
    o.text = fmt::format(
        fmt::runtime(i18n::tr_n(o.days_since, "contact: {} day since the last held contact (at most {} in phase {})",
                                "contact: {} days since the last held contact (at most {} in phase {})",
                                "kontakt: {} dag siden sidste holdte kontakt (højst {} i fase {})",
                                "kontakt: {} dage siden sidste holdte kontakt (højst {} i fase {})")),
        o.days_since, o.limit, d.phase);
  else if (d.kind == Obligation::Kind::start)
    o.text = fmt::format(
        fmt::runtime(i18n::tr_n(
            o.days_since, "opstart: {} day since kontakt (at most {})", "opstart: {} days since kontakt (at most {})",
            "opstart: {} dag siden kontakt (højst {})", "opstart: {} dage siden kontakt (højst {})")),
        o.days_since, o.limit);
  return o;
}

}  // namespace cti::schedule
