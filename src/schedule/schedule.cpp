#include "schedule/schedule.hpp"

#include <algorithm>

#include "schedule/dues.hpp"

namespace cti::schedule {

std::string_view phase_name(Phase p) {
  switch (p) {
    case Phase::kontakt:
      return "kontakt";
    case Phase::fase1:
      return "fase1";
    case Phase::fase2:
      return "fase2";
    case Phase::fase3:
      return "fase3";
    case Phase::overskredet:
      return "overskredet";
    case Phase::afsluttet:
      return "afsluttet";
  }
  return "";
}

std::string_view point_name(PointKind k) {
  switch (k) {
    case PointKind::opstart:
      return "opstart";
    case PointKind::fase2:
      return "fase2";
    case PointKind::fase3:
      return "fase3";
    case PointKind::overdragelsesmoeder:
      return "overdragelsesmøder";
    case PointKind::afslutning:
      return "afslutning";
  }
  return "";
}

std::vector<Point> Plan::points() const {
  return {{PointKind::opstart, start},
          {PointKind::fase2, phase2},
          {PointKind::fase3, phase3},
          {PointKind::overdragelsesmoeder, handover},
          {PointKind::afslutning, planned_end}};
}

std::optional<Plan> plan_of(const Forloeb& f) {
  if (!f.start) return std::nullopt;
  Date s = *f.start;
  return Plan{s, add_months(s, 3), add_months(s, 6), add_months(s, 8), add_months(s, 9)};
}

Phase phase_on(const Forloeb& f, Date today) {
  if (auto end = f.end_date(); end && today >= *end) return Phase::afsluttet;
  auto plan = plan_of(f);
  if (!plan || today < plan->start) return Phase::kontakt;
  if (today < plan->phase2) return Phase::fase1;
  if (today < plan->phase3) return Phase::fase2;
  if (today <= plan->planned_end) return Phase::fase3;
  return Phase::overskredet;
}

bool is_active(Phase p) {
  return p == Phase::fase1 || p == Phase::fase2 || p == Phase::fase3 || p == Phase::overskredet;
}

bool is_overdue_end(const Forloeb& f, Date today) {
  return phase_on(f, today) == Phase::overskredet;
}

std::optional<Date> phase_began(const Forloeb& f, Date today) {
  auto plan = plan_of(f);
  switch (phase_on(f, today)) {
    case Phase::kontakt:
      return f.contact ? std::optional<Date>(*f.contact) : std::nullopt;
    case Phase::fase1:
      return plan->start;
    case Phase::fase2:
      return plan->phase2;
    case Phase::fase3:
      return plan->phase3;
    case Phase::overskredet:
      return add_days(plan->planned_end, 1);
    case Phase::afsluttet:
      return f.end_date();
  }
  return std::nullopt;
}

std::optional<int> day_in_phase(const Forloeb& f, Date today) {
  auto began = phase_began(f, today);
  if (!began || *began > today) return std::nullopt;
  return days_between(*began, today) + 1;
}

bool point_dropped(const Forloeb& f, const Point& p) {
  auto end = f.end_date();
  return end && p.kind != PointKind::opstart && p.date > *end;
}

std::vector<Point> due_points(const Forloeb& f) {
  std::vector<Point> out;
  auto plan = plan_of(f);
  if (!plan) return out;
  auto end = f.end_date();
  for (const auto& p : plan->points()) {
    if (point_dropped(f, p) || (end && p.kind == PointKind::afslutning)) continue;
    out.push_back(p);
  }
  if (end) out.push_back({PointKind::afslutning, *end});
  std::stable_sort(out.begin(), out.end(), [](const Point& a, const Point& b) { return a.date < b.date; });
  return out;
}

std::optional<Point> next_point(const Forloeb& f, Date today) {
  Phase ph = phase_on(f, today);
  if (ph == Phase::afsluttet) return std::nullopt;
  auto end = f.end_date();  // here only ever after today: an end recorded ahead of time
  if (!plan_of(f)) return end ? std::optional<Point>(Point{PointKind::afslutning, *end}) : std::nullopt;
  auto points = due_points(f);
  for (const auto& p : points)
    if (p.date > today) return p;
  return points.back();  // on or past the (planned) end: afslutning, the day it was due
}

ObligationSettings settings_of(const Project& p, Date today) {
  ObligationSettings s;
  s.documentation_grace_days = p.documentation_grace_days;
  s.contact_period_days = p.contact_period_days;
  if (p.contact_log) s.contact_log = *p.contact_log;
  s.today = today;
  return s;
}

std::optional<Obligation> contact_obligation(const Forloeb& f, const ContactLimits& limits, Date today) {
  auto d = contact_due(f, limits, today);
  if (!d) return std::nullopt;
  return to_obligation(*d);
}

// The rules are in dues.cpp: this adds the texts.
std::vector<Obligation> obligations(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                                    const ObligationSettings& settings) {
  std::vector<Obligation> out;
  const auto ds = dues(f, checklist, settings);
  out.reserve(ds.size());
  for (const auto& d : ds) out.push_back(to_obligation(d));
  return out;
}

bool on_default_board(const Forloeb& f, const std::vector<ChecklistItem>& checklist, Date today) {
  return phase_on(f, today) != Phase::afsluttet || on_default_board(f, dues(f, checklist), today);
}

State state_on(const Obligation& o, Date today, int horizon_days) {
  Due d;
  d.due = o.due;
  d.done = o.done;
  d.not_relevant = o.not_relevant;
  return state_on(d, today, horizon_days);
}

}  // namespace cti::schedule
