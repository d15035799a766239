// The method's figures of `cti fidelity` for one forløb in scope: time-limited, contact
// intensity per phase, contacts at home or in the community, focus areas per phase,
// goals, peer support matched, anchored responsibility (definitions in fidelity.hpp and
// man/cti-fidelity.1).
#include <algorithm>

#include "report/fidelity.hpp"
#include "schedule/schedule.hpp"

namespace cti::report {

namespace {

// [first, last] of days, both inclusive; empty when last < first.
struct Days {
  Date first, last;
  int count() const { return last < first ? 0 : days_between(first, last) + 1; }
  bool has(Date d) const { return first <= d && d <= last; }
};

void time_limited(const Forloeb& f, const schedule::Plan& plan, Fidelity& r) {
  const Date end = *f.end_date();
  ++r.time_limited.den;
  const bool late = end > add_days(plan.planned_end, kTimeLimitGraceDays);
  const bool early_completed =
      f.end_status() == EndStatus::completed && end < add_days(plan.planned_end, -kTimeLimitGraceDays);
  if (!late && !early_completed) ++r.time_limited.num;
}

void contact_figures(const Forloeb& f, const schedule::Plan& plan, std::optional<Date> from, Date e, Fidelity& r) {
  if (!f.has_contact_log) {
    r.without_contact_log = 1;
    return;
  }
  r.with_contact_log = 1;
  Date last = e;
  if (auto end = f.end_date(); end && *end < last) last = *end;
  const Date starts[] = {plan.start, plan.phase2, plan.phase3};
  const Date ends[] = {add_days(plan.phase2, -1), add_days(plan.phase3, -1), plan.planned_end};
  for (int i = 0; i < 3; ++i) {
    Days d{starts[i], std::min(ends[i], last)};
    if (from && d.first < *from) d.first = *from;
    r.contacts[i].den += d.count();
    for (const auto& c : f.contacts)
      if (c.held() && c.with_borger() && d.has(*c.date)) ++r.contacts[i].num;
  }
  Days whole{from ? std::max(*from, plan.start) : plan.start, std::min(plan.planned_end, last)};
  for (const auto& c : f.contacts) {
    if (!c.held() || !c.with_borger() || !whole.has(*c.date)) continue;
    ++r.home_or_community.den;
    if (c.place && (*c.place == "hjemme" || *c.place == "lokalsamfund")) ++r.home_or_community.num;
  }
}

void plan_figures(const Forloeb& f, const schedule::Plan& plan, std::optional<Date> from, Date e, bool ended,
                  Fidelity& r) {
  const Date starts[] = {plan.start, plan.phase2, plan.phase3};
  const auto end = f.end_date();
  for (int i = 0; i < 3; ++i) {
    const Date s = starts[i];
    if (s > e || (from && s < *from) || (end && s >= *end && i > 0)) continue;
    ++r.focus_areas.den;
    const FocusAreas* fa = f.focus_of(i + 1);
    if (fa && !fa->areas.empty() && fa->areas.size() <= 3) ++r.focus_areas.num;
  }
  if (const ChecklistMark* m = f.mark("langsigtet-plan"); m && m->done && *m->done <= e) {
    ++r.goals_in_plan.den;
    if (f.goals.size() >= 2 && f.goals.size() <= 3) ++r.goals_in_plan.num;
  }
  if (ended) {
    for (const auto& g : f.goals) {
      ++r.goals_reached.den;
      if (g.reached && *g.reached <= e) ++r.goals_reached.num;
    }
    if (f.end_status() == EndStatus::completed) {
      ++r.anchored.den;
      if (f.anchored_role) ++r.anchored.num;
    }
  }
  if (f.peer && f.peer->wanted && *f.peer->wanted) {
    ++r.peer_matched.den;
    if (f.peer->matched && *f.peer->matched <= e) ++r.peer_matched.num;
  }
}

}  // namespace

void method_figures(const Forloeb& f, std::optional<Date> from, Date e, Fidelity& r) {
  auto plan = schedule::plan_of(f);
  if (!r.in_scope || !plan) return;
  auto end = f.end_date();
  const bool ended = end && *end <= e && (!from || *end >= *from);
  if (ended) time_limited(f, *plan, r);
  contact_figures(f, *plan, from, e, r);
  plan_figures(f, *plan, from, e, ended, r);
}

}  // namespace cti::report
