// What a forløb owes, without the texts: schedule::obligations() (schedule.hpp) as plain
// values and views, with no string copied and nothing allocated but the one vector. The
// status board asks this once of every forløb, for its row and whether it is listed;
// obligations() is built from it, so the two always agree item for item and in order.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "schedule/schedule.hpp"

namespace cti::schedule {

struct Due {
  Obligation::Kind kind = Obligation::Kind::checklist;
  std::string_view id;                  // Obligation::id: a view of the checklist item or a fixed name
  std::string_view point;               // Obligation::point: a fixed name
  const ChecklistItem* item = nullptr;  // a checklist item: its text
  Date due;
  std::optional<Date> done;
  bool not_relevant = false;
  int days_since = 0;  // as Obligation
  int limit = 0;       // as Obligation
  int phase = 0;       // a contact: the phase (1-3) it is owed in, for its text
};

// Exactly obligations(f, checklist, settings), in the same order, without the texts.
// The views live as long as `checklist`.
std::vector<Due> dues(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                      const ObligationSettings& settings = {});

// The contact item of contact_obligation(), without its text.
std::optional<Due> contact_due(const Forloeb& f, const ContactLimits& limits, Date today);

// As on_default_board(f, checklist, today), from what dues() gave for the forløb (with
// any settings: the answer looks only at what is done or not relevant, never at a date).
bool on_default_board(const Forloeb& f, const std::vector<Due>& owed, Date today);

// As state_on() of the Obligation.
State state_on(const Due& d, Date today, int horizon_days);

// The Obligation `d` stands for, with its text.
Obligation to_obligation(const Due& d);

}  // namespace cti::schedule
