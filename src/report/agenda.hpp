// `cti agenda`: every open obligation per worker, the list a worker works through.
// The forløb are those of the default board (status_rows without --all); the items are
// the schedule's obligations in their state on the day (schedule::obligations/state_on).
// Nothing here decides what is due; it only selects, groups and formats.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"
#include "report/status.hpp"

namespace cti::report {

struct AgendaItem {
  std::string id, file, worker;  // the case id, its file (repository-relative), its medarbejder
  bool documentation = false;    // a documentation form rather than a checklist item
  std::string_view kind;         // checklist, documentation, contact (kontakt), start (opstart)
  std::string point;             // kontakt, fase2, fase3, afslutning (documentation: opstart too)
  std::string item;              // item id, or the documentation point
  std::string text;              // the checklist text, or "Dokumentation: fase2-skema"
  std::string command;           // what records it, as typed: "cti done 7 økonomi", "cti doc 7 fase2"
  Date due;
  int days = 0;  // from today to `due`: negative when overdue
  bool overdue() const { return days < 0; }
};

// A forløb whose file has errors: one line naming its first error.
struct AgendaError {
  std::string id, file, worker;
  RowError error;
};

struct AgendaGroup {
  std::string worker;  // empty for the "unknown worker" group
  bool known = true;   // a worker of cti.yaml
  std::string name;    // navn from cti.yaml (may be empty)
  std::vector<AgendaError> errors;
  std::vector<AgendaItem> items;  // overdue first (oldest first), then due soonest first
};

struct AgendaQuery {
  Date today;
  int days = schedule::kDefaultHorizonDays;  // due within this many days counts
  std::string worker;                        // empty: every worker
};

// One group per worker of cti.yaml (only the queried one with `worker`) in cti.yaml
// order, then one "unknown worker" group when a listed forløb's medarbejder is missing or
// not in cti.yaml. Ties on the due date go by case id, then item order.
std::vector<AgendaGroup> agenda(const Project& project, const std::vector<Forloeb>& forloeb, const AgendaQuery& q);

// The agenda as text no wider than `width` (0: no limit; item texts are cut with "…").
std::string render_agenda_table(const std::vector<AgendaGroup>& groups, const AgendaQuery& q, bool color,
                                std::size_t width);
// The stable JSON shape documented in cti-agenda(1).
// After the groups, what the agenda could not count (report/uncounted.hpp).
std::string render_agenda_json(const std::vector<AgendaGroup>& groups, const AgendaQuery& q,
                               const Uncounted& uncounted);

}  // namespace cti::report
