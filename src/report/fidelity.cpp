// The counting behind `cti fidelity` (definitions in fidelity.hpp and man/cti-fidelity.1).
#include "report/fidelity.hpp"

#include <algorithm>
#include <map>

#include "report/by_worker.hpp"
#include "schedule/schedule.hpp"

namespace cti::report {

std::optional<double> Ratio::share() const {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / den;
}

Ratio& Ratio::operator+=(const Ratio& o) {
  num += o.num;
  den += o.den;
  return *this;
}

std::optional<double> Median::value() const {
  if (days.empty()) return std::nullopt;
  std::vector<int> v = days;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

void Fidelity::add(const Fidelity& o) {
  in_scope += o.in_scope;
  checklists += o.checklists;
  documentation += o.documentation;
  handover += o.handover;
  ended += o.ended;
  completed += o.completed;
  interrupted += o.interrupted;
  moved += o.moved;
  completed_share += o.completed_share;
  contact_days.days.insert(contact_days.days.end(), o.contact_days.days.begin(), o.contact_days.days.end());
  length_days.days.insert(length_days.days.end(), o.length_days.days.begin(), o.length_days.days.end());
  past_nine_months += o.past_nine_months;
  time_limited += o.time_limited;
  with_contact_log += o.with_contact_log;
  without_contact_log += o.without_contact_log;
  for (std::size_t i = 0; i < contacts.size(); ++i) contacts[i] += o.contacts[i];
  home_or_community += o.home_or_community;
  focus_areas += o.focus_areas;
  goals_in_plan += o.goals_in_plan;
  goals_reached += o.goals_reached;
  peer_matched += o.peer_matched;
  anchored += o.anchored;
  active += o.active;
  capacity += o.capacity;
  if (o.peer_support) {
    if (!peer_support) peer_support = Ratio{};
    *peer_support += *o.peer_support;
  }
}

std::optional<double> Fidelity::per_week(int phase) const {
  const Ratio& c = contacts[phase - 1];
  if (c.den == 0) return std::nullopt;
  return 7.0 * c.num / c.den;
}

std::optional<std::array<double, 2>> Fidelity::intensity() const {
  auto r1 = per_week(1), r2 = per_week(2), r3 = per_week(3);
  if (!r1 || !r2 || !r3 || *r3 == 0) return std::nullopt;
  return std::array<double, 2>{*r1 / *r3, *r2 / *r3};
}

Fidelity fidelity_of(const Forloeb& f, const std::vector<ChecklistItem>& checklist, std::optional<Date> from, Date e,
                     bool peer_tracked, int documentation_grace_days) {
  Fidelity r;
  if (peer_tracked) r.peer_support = Ratio{};
  auto plan = schedule::plan_of(f);
  auto end = f.end_date();
  if (!f.dates_readable() || !plan || plan->start > e || (end && from && *end < *from)) return r;
  auto in_range = [&](Date d) { return (!from || d >= *from) && d <= e; };
  auto on_time = [](const schedule::Obligation& o) { return o.done && *o.done <= o.due; };
  r.in_scope = 1;

  std::map<std::string, std::pair<Date, bool>> transitions;  // point -> (latest due, complete)
  schedule::ObligationSettings settings;
  settings.documentation_grace_days = documentation_grace_days;
  for (const auto& o : schedule::obligations(f, checklist, settings)) {
    if (o.kind == schedule::Obligation::Kind::documentation) {
      if (!in_range(o.due)) continue;
      ++r.documentation.den;
      if (on_time(o)) ++r.documentation.num;
      continue;
    }
    auto [it, fresh] = transitions.try_emplace(o.point, o.due, true);
    it->second.first = std::max(it->second.first, o.due);
    it->second.second = it->second.second && (o.not_relevant || on_time(o));
    if (o.id == kHandoverMeetingsItem && !o.not_relevant && in_range(o.due)) {
      ++r.handover.den;
      if (on_time(o)) ++r.handover.num;
    }
  }
  for (const auto& [point, t] : transitions) {
    if (!in_range(t.first)) continue;
    ++r.checklists.den;
    if (t.second) ++r.checklists.num;
  }

  const bool ended = end && *end <= e;
  if (ended && in_range(*end)) {
    r.ended = 1;
    r.completed_share.den = 1;
    switch (f.end_status().value_or(EndStatus::completed)) {
      case EndStatus::completed:
        r.completed = 1;
        r.completed_share.num = 1;
        break;
      case EndStatus::interrupted:
        r.interrupted = 1;
        break;
      case EndStatus::moved:
        r.moved = 1;
        break;
    }
    r.length_days.days.push_back(days_between(plan->start, *end));
  }
  if (f.contact && in_range(plan->start)) r.contact_days.days.push_back(days_between(*f.contact, plan->start));
  r.past_nine_months.den = 1;
  if (ended ? *end > plan->planned_end : e >= plan->planned_end) r.past_nine_months.num = 1;

  if (peer_tracked) {
    const ChecklistMark* m = f.mark(kPeerSupportItem);
    if (!(m && m->not_relevant)) {
      r.peer_support->den = 1;
      bool offered = (f.peer && f.peer->offered && *f.peer->offered <= e) || (m && m->done && *m->done <= e);
      if (offered) r.peer_support->num = 1;
    }
  }
  method_figures(f, from, e, r);
  return r;
}

FidelityReport compute_fidelity(const Project& project, const std::vector<Forloeb>& forloeb, const FidelityQuery& q) {
  FidelityReport r;
  r.today = q.today;
  r.from = q.from;
  r.to = q.to;
  r.evaluated = q.to && *q.to < q.today ? *q.to : q.today;
  const auto checklist = project.checklist();
  for (const auto& item : checklist)
    if (item.id == kPeerSupportItem) r.peer_tracked = true;
  for (const auto& f : forloeb)
    if (f.peer) r.peer_tracked = true;

  auto blank = [&](const std::string& id) {
    Fidelity x;
    x.worker = id;
    if (r.peer_tracked) x.peer_support = Ratio{};
    return x;
  };
  auto grouped = group_by_worker(project, forloeb, q.worker);
  r.uncounted = uncounted(forloeb, {}, q.worker);  // the CLI adds the tree's other entries
  for (const auto& g : grouped.groups) {
    Fidelity x = blank(g.id);
    if (!g.forloeb.empty()) {
      Fidelity mine;
      mine.worker = g.id;
      for (const Forloeb* f : g.forloeb) {
        mine.add(fidelity_of(*f, checklist, q.from, r.evaluated, r.peer_tracked, project.documentation_grace_days));
        auto ph = schedule::phase_on(*f, r.evaluated);
        if (ph != schedule::Phase::kontakt && ph != schedule::Phase::afsluttet) ++mine.active;
      }
      x.add(mine);
    }
    if (const Worker* w = project.worker(g.id)) x.capacity = w->fte * project.caseload_per_fte;
    r.workers.push_back(x);
  }
  r.team = blank("team");
  for (const auto& w : r.workers) r.team.add(w);
  return r;
}

}  // namespace cti::report
