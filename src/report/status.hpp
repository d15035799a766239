// `cti status`: the morning board. status_rows() computes one row per forløb from the
// schedule (all domain rules live in schedule/); the render_* functions only format.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"
#include "report/uncounted.hpp"
#include "schedule/dues.hpp"
#include "schedule/schedule.hpp"

namespace cti::report {

struct StatusItem {
  std::string point;  // the checklist's point (kontakt, fase2, ...) or documentation point
  std::string item;   // item id; for documentation the point name
  Date due;
  bool documentation = false;
  std::optional<int> days_since;  // the contact item (kontaktlog): days since the last held contact
  // "økonomi", "dokumentation:fase2" for a documentation form, "kontakt:12d" for a contact
  std::string label() const {
    if (days_since) return item + ":" + std::to_string(*days_since) + "d";
    return documentation ? "dokumentation:" + item : item;
  }
};

// An error in the forløb's file, as the row shows it: the row stays on the board.
struct RowError {
  std::string rule;
  int line = 0;
  std::string message;
};

struct StatusRow {
  std::string id, worker, subgroup;
  std::string file;              // relative to the repository root
  std::vector<RowError> errors;  // the file's errors, first one first; empty for a valid file
  bool dates_readable = true;    // false: phase and dates unknown (the file could not be read)
  schedule::Phase phase = schedule::Phase::kontakt;
  std::optional<int> day_in_phase;
  std::optional<schedule::Plan> plan;
  std::optional<Date> end;
  std::optional<EndStatus> end_status;
  std::optional<schedule::Point> next;
  int next_days = 0;                 // days from today to next->date (negative when past)
  std::vector<StatusItem> overdue;   // checklist items and documentation, oldest first
  std::vector<StatusItem> due_soon;  // soonest first
  std::optional<Date> deadline;      // the sort key: earliest overdue, next point or due-soon date

  bool has_errors() const { return !errors.empty(); }
  int overdue_count() const { return static_cast<int>(overdue.size()); }
  int due_soon_count() const { return static_cast<int>(due_soon.size()); }
  // The oldest overdue item, else the soonest due-soon item.
  const StatusItem* most_urgent() const;
};

struct StatusQuery {
  Date today;
  int horizon_days = schedule::kDefaultHorizonDays;
  std::string worker;  // empty: all workers
  bool all = false;    // include afsluttet forløb that owe nothing
};

// One row per forløb file that matches the query, sorted by deadline (none last), then id
// and file: the forløb on the default board (schedule::on_default_board), or all with
// `all`; a file with errors is always listed, marked with its errors, never left out.
std::vector<StatusRow> status_rows(const Project& project, const std::vector<Forloeb>& forloeb, const StatusQuery& q);

// The row of one forløb on `q.today` (no filtering), from what schedule::dues(f,
// checklist, settings) gave for it (nothing for a forløb whose dates cannot be read).
StatusRow status_row(const Forloeb& f, const std::vector<schedule::Due>& owed, const StatusQuery& q);

struct WorkerSummary {
  std::string worker;    // empty: the forløb whose medarbejder is not in cti.yaml (or missing)
  bool known = true;     // a worker of cti.yaml
  int active = 0;        // listed forløb in fase1-3 or overskredet (schedule::is_active)
  int in_contact = 0;    // listed forløb in the contact period
  int ended = 0;         // listed forløb ended but still owing (or all with --all)
  int with_errors = 0;   // listed forløb whose file has errors
  int with_overdue = 0;  // listed forløb with at least one overdue item
  int overdue_items = 0;
  int rows() const { return active + in_contact + ended + unknown_phase; }
  int unknown_phase = 0;  // listed files whose dates cannot be read
};

// One entry per worker of cti.yaml (or only the queried worker), in cti.yaml order,
// then one "unknown worker" entry for every listed row whose worker is not in cti.yaml.
// Every row is counted in exactly one entry.
std::vector<WorkerSummary> worker_summaries(const Project& project, const std::vector<StatusRow>& rows,
                                            const std::string& only_worker);

// The board as a table no wider than `width` terminal columns (0: as wide as it takes);
// cti-status(1) says how it narrows. A row's Deadline is its sort key (StatusRow::deadline).
std::string render_status_table(const std::vector<StatusRow>& rows, const std::vector<WorkerSummary>& workers,
                                Date today, int horizon_days, bool color, std::size_t width = 0);
// The rows, then what the board could not count (report/uncounted.hpp: "invalid",
// "unreadable", "not_read"), computed for the same forløb and worker as the rows.
std::string render_status_json(const std::vector<StatusRow>& rows, Date today, const Uncounted& uncounted);
// "cti validate forloeb/K-0004.yaml": the hint a row with errors carries.
std::string validate_hint(const StatusRow& r);
// UTF-8 with BOM, one header line, ;-separated, CRLF: like the quarterly report, for Danish Excel.
std::string render_status_csv(const std::vector<StatusRow>& rows);

}  // namespace cti::report
