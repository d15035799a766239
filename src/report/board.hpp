// `cti board`: the team board as one picture. compute_board() lays out the same rows as
// `cti status` (status_rows) and the same figures as `cti caseload` (compute_caseload)
// on a date axis; render_board_html() draws them as one self-contained HTML page
// (board_html.cpp, board_timeline.cpp, board_caseload.cpp). No domain rule is decided here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"
#include "report/caseload.hpp"
#include "report/status.hpp"

namespace cti::report {

struct BoardQuery {
  Date today;
  int months = 6;       // the window runs this many months ahead of today
  int months_back = 2;  // ... and from the first of the month this many months back
  std::string worker;   // empty: every worker
  int horizon_days = schedule::kDefaultHorizonDays;
};

// A stretch of a forløb's life on the axis: [from, to) in days.
struct BoardBand {
  enum class Kind { kontakt, fase1, fase2, fase3, overskredet } kind;
  Date from, to;      // to is exclusive
  bool open = false;  // runs on past today with no date of its own to end it (kontakt without opstart)
};
std::string_view band_name(BoardBand::Kind k);  // kontakt, fase1, fase2, fase3, overskredet

// A point on a forløb's axis.
struct BoardMarker {
  enum class Kind { phase2, phase3, handover, planned_end, end } kind;
  Date date;
};
std::string_view marker_name(BoardMarker::Kind k);  // phase2, phase3, handover_meetings, planned_end, end

struct BoardRow {
  std::string id, worker, file;
  std::optional<StatusRow> status;  // nothing for a forløb whose file has errors
  std::vector<BoardBand> bands;
  std::vector<BoardMarker> markers;
  // A file with errors: the row is kept and marked with the first error.
  bool has_error = false;
  std::string error_rule, error_message;
  int error_line = 0;
  int overdue() const { return status ? status->overdue_count() : 0; }
  int due_soon() const { return status ? status->due_soon_count() : 0; }
};

struct BoardGroup {
  std::string worker, name;                // name: from cti.yaml, empty for a worker not in it
  WorkerSummary summary;                   // as under `cti status`
  std::optional<WorkerCaseload> caseload;  // as `cti caseload`; nothing for a worker without valid forløb
  std::vector<BoardRow> rows;              // the order of `cti status`: next deadline, then id
  int errors = 0;                          // rows marked with file errors
};

// The date axis: [from, to) mapped linearly onto [x0, x1].
struct BoardScale {
  Date from, to;
  double x0 = 0, x1 = 0;
  double x(Date d) const;  // may lie outside [x0, x1] for a date outside the window
  int days() const;
  Date clamp(Date d) const;  // into [from, to]
};

struct Board {
  std::string project;
  Date today;
  int months = 6;
  BoardScale scale;
  std::vector<Date> month_ticks;  // the first of every month in (from, to)
  std::vector<BoardGroup> groups;
  Caseload caseload;  // the team figures and each worker's, as `cti caseload`
  int rows = 0, errors = 0;
  Uncounted uncounted;  // what is not on the board (report/uncounted.hpp); the CLI adds the tree's other entries
};

// Width of the date axis in the drawing and where it starts (after the row labels).
inline constexpr double kBoardLabelWidth = 230;
inline constexpr double kBoardAxisWidth = 1100;
// Width of each drawing: labels, axis and a margin.
inline constexpr double kBoardWidth = kBoardLabelWidth + kBoardAxisWidth + 10;

Board compute_board(const Project& project, const std::vector<Forloeb>& forloeb, const BoardQuery& q);

// The whole page: deterministic bytes for the same board.
std::string render_board_html(const Board& b);

}  // namespace cti::report
