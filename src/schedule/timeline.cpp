#include "schedule/timeline.hpp"

#include <algorithm>

namespace cti::schedule {

namespace {

// The planned point an obligation belongs to when no early end moves it.
PointKind home_point(const Obligation& o) {
  if (o.point == "kontakt" || o.point == "opstart" || o.point == "fase1") return PointKind::opstart;
  if (o.point == "fase2") return PointKind::fase2;
  if (o.point == "fase3") return PointKind::fase3;
  if (o.kind == Obligation::Kind::checklist && o.id == kHandoverMeetingsItem) return PointKind::overdragelsesmoeder;
  return PointKind::afslutning;
}

int rank(const TimelineEntry& e) {
  switch (e.kind) {
    case TimelineEntry::Kind::contact:
      return 0;
    case TimelineEntry::Kind::move_in:
      return 1;
    case TimelineEntry::Kind::point:
      return 2;
    case TimelineEntry::Kind::end:
      return 3;
  }
  return 4;
}

}  // namespace

std::vector<TimelineEntry> timeline(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                                    const ObligationSettings& settings) {
  std::vector<TimelineEntry> out;
  const auto end = f.end_date();
  if (f.contact) out.push_back({TimelineEntry::Kind::contact, PointKind::opstart, *f.contact, false, {}});
  if (f.move_in) out.push_back({TimelineEntry::Kind::move_in, PointKind::opstart, *f.move_in, false, {}});
  const auto plan = plan_of(f);
  if (plan)
    for (const auto& p : plan->points()) {
      // The opstart point is never dropped: the forløb began there.
      const bool dropped = point_dropped(f, p);
      out.push_back({TimelineEntry::Kind::point, p.kind, p.date, dropped, {}});
    }
  if (end) out.push_back({TimelineEntry::Kind::end, PointKind::afslutning, *end, false, {}});
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date != b.date) return a.date < b.date;
    return rank(a) < rank(b);
  });

  if (!plan) {
    // The contact period: what it owes (kontakt items, opstart) hangs under the contact.
    for (auto& e : out)
      if (e.kind == TimelineEntry::Kind::contact) e.due = obligations(f, checklist, settings);
    return out;
  }
  auto find_point = [&](PointKind k) -> TimelineEntry* {
    for (auto& e : out)
      if (e.kind == TimelineEntry::Kind::point && e.point == k) return &e;
    return nullptr;
  };
  auto find_end = [&]() -> TimelineEntry* {
    for (auto& e : out)
      if (e.kind == TimelineEntry::Kind::end) return &e;
    return nullptr;
  };
  auto obls = obligations(f, checklist, settings);
  std::stable_partition(obls.begin(), obls.end(),
                        [](const Obligation& o) { return o.kind == Obligation::Kind::checklist; });
  for (auto& o : obls) {
    TimelineEntry* home = find_point(home_point(o));
    TimelineEntry* target = home;
    // The due date before dokumentation_frist_dage: an early end moved it if it differs.
    Date nominal =
        o.kind == Obligation::Kind::documentation ? add_days(o.due, -settings.documentation_grace_days) : o.due;
    if (end && o.kind != Obligation::Kind::contact && (!home || home->date != nominal)) target = find_end();
    if (!target) target = home;
    if (target) target->due.push_back(std::move(o));
  }
  return out;
}

}  // namespace cti::schedule
