// One forløb's timeline for `cti show`: the recorded dates and planned points in date
// order, each with the obligations that fall due there (SPEC section 3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"

namespace cti::schedule {

struct TimelineEntry {
  enum class Kind {
    contact,  // kontakt: first contact (recorded)
    move_in,  // indflytning (recorded)
    point,    // a planned point of the schedule: see `point`
    end,      // afslutning.dato (recorded), with its status
  } kind;
  PointKind point = PointKind::opstart;  // for Kind::point
  Date date;
  // A planned point after an early end (afbrudt, flyttet, or gennemført before the
  // planned end): nothing falls due there any more.
  bool dropped = false;
  std::vector<Obligation> due;  // the obligations that fall due here, checklist first
};

// Entries sorted by date (recorded dates before planned points on the same day, the end
// last). Each obligation of obligations(f, checklist, settings) appears once: at its own
// planned point, or at the end entry when an early end moved its due date there; a
// contact item at the point where its phase began.
std::vector<TimelineEntry> timeline(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                                    const ObligationSettings& settings = {});

}  // namespace cti::schedule
