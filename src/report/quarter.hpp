// The quarterly indberetning (SPEC section 7): which forløb a quarter includes, the
// rows it reports, a CPR-free summary, and the CSV and JSON renderings of the rows.
// Pure functions; the command (cli/report.cpp) does the I/O and the CPR look-up.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "base/forloeb.hpp"
#include "base/project.hpp"

namespace cti::report {

struct Quarter {
  int year = 0;
  int number = 0;  // 1-4

  Date first_day() const;
  Date last_day() const;
  std::string name() const;  // "2025-Q2"
  friend bool operator==(const Quarter&, const Quarter&) = default;
};

// "YYYY-Qn" (also "YYYY-qn"), n 1-4, year 1900-9999.
std::optional<Quarter> parse_quarter(std::string_view text);

Quarter quarter_of(Date d);
Quarter previous_quarter(Quarter q);

// The default of `report --quarter`: the latest quarter whose last day is before today.
Quarter last_completed_quarter(Date today);

// Opstart on or before the quarter's last day and no afslutning before its first day.
bool included(const Forloeb& f, const Quarter& q);

struct QuarterRow {
  std::string id;
  std::string subgroup;
  Date start;
  // The afslutning, only when it is on or before the quarter's last day: the report
  // states the situation at the end of the quarter.
  std::optional<Date> end;
  std::optional<bool> completed;  // set exactly when `end` is: gennemført = true
};

// The rows of the quarter, sorted by opstart then id. Invalid forløb are skipped
// (the command refuses to report when any file has an error).
std::vector<QuarterRow> quarter_rows(const std::vector<Forloeb>& forloeb, const Quarter& q);

struct QuarterSummary {
  int rows = 0;
  int started = 0;                                       // opstart within the quarter
  int ended = 0;                                         // afslutning within the quarter
  int completed = 0;                                     // of those, gennemført
  std::vector<std::pair<std::string, int>> by_subgroup;  // cti.yaml order, then any others by name
};

QuarterSummary summarize(const std::vector<QuarterRow>& rows, const Quarter& q, const Project& p);

// What goes in the first column: the CPR number, or the case id with --pseudonym.
using KeyFn = std::function<std::string(const QuarterRow&)>;

// UTF-8 with BOM, ';'-separated, CRLF line endings, a header line then one line per row.
std::string render_csv(const std::vector<QuarterRow>& rows, const KeyFn& key, bool pseudonym);

// {"quarter", "first_day", "last_day", "project", "rows": [{"cpr"|"id", "start", "end",
//  "subgroup", "completed"}]}; end and completed are null while the forløb runs.
std::string render_json(const std::vector<QuarterRow>& rows, const KeyFn& key, bool pseudonym, const Quarter& q,
                        const Project& p);

}  // namespace cti::report
