// The layout behind `cti board`: status rows and caseload figures placed on a date axis.
// Phases, next points, overdue items and loads all come from status_rows(),
// compute_caseload() and schedule::timeline(); this file only arranges them.
#include "report/board.hpp"

#include <algorithm>
#include <map>

#include "schedule/timeline.hpp"

namespace cti::report {

using schedule::PointKind;

std::string_view band_name(BoardBand::Kind k) {
  switch (k) {
    case BoardBand::Kind::kontakt:
      return "kontakt";
    case BoardBand::Kind::fase1:
      return "fase1";
    case BoardBand::Kind::fase2:
      return "fase2";
    case BoardBand::Kind::fase3:
      return "fase3";
    case BoardBand::Kind::overskredet:
      return "overskredet";
  }
  return "";
}

std::string_view marker_name(BoardMarker::Kind k) {
  switch (k) {
    case BoardMarker::Kind::phase2:
      return "phase2";
    case BoardMarker::Kind::phase3:
      return "phase3";
    case BoardMarker::Kind::handover:
      return "handover_meetings";
    case BoardMarker::Kind::planned_end:
      return "planned_end";
    case BoardMarker::Kind::end:
      return "end";
  }
  return "";
}

int BoardScale::days() const {
  return days_between(from, to);
}

double BoardScale::x(Date d) const {
  int n = days();
  if (n <= 0) return x0;
  return x0 + (x1 - x0) * days_between(from, d) / n;
}

Date BoardScale::clamp(Date d) const {
  return d < from ? from : to < d ? to : d;
}

namespace {

Date first_of_month(Date d, int months_ahead) {
  std::chrono::year_month ym = d.year() / d.month();
  return Date{(ym + std::chrono::months(months_ahead)) / std::chrono::day(1)};
}

// The stretches of the forløb's life: the contact period, then phases 1-3 from the plan of
// its status row, each cut at a recorded end, and the time past the planned end.
std::vector<BoardBand> bands_of(const Forloeb& f, const StatusRow& r, Date today) {
  using K = BoardBand::Kind;
  std::vector<BoardBand> out;
  auto add = [&](K k, Date from, Date to, bool open = false) {
    if (r.end && *r.end < to) to = *r.end;
    if (from < to) out.push_back({k, from, to, open});
  };
  const Date tomorrow = add_days(today, 1);
  if (f.contact) {
    if (r.plan)
      add(K::kontakt, *f.contact, r.plan->start);
    else
      add(K::kontakt, *f.contact, r.end ? *r.end : tomorrow, !r.end);
  }
  if (r.plan) {
    const schedule::Plan& p = *r.plan;
    add(K::fase1, p.start, p.phase2);
    add(K::fase2, p.phase2, p.phase3);
    add(K::fase3, p.phase3, add_days(p.planned_end, 1));  // the planned end is phase 3's last day
    if (p.planned_end < today || (r.end && p.planned_end < *r.end))
      add(K::overskredet, add_days(p.planned_end, 1), r.end ? *r.end : tomorrow, !r.end);
  }
  return out;
}

// The points still ahead of the forløb's end (schedule::timeline drops the rest), and the end.
std::vector<BoardMarker> markers_of(const Forloeb& f, const std::vector<ChecklistItem>& checklist) {
  using K = BoardMarker::Kind;
  std::vector<BoardMarker> out;
  for (const auto& e : schedule::timeline(f, checklist)) {
    if (e.kind == schedule::TimelineEntry::Kind::end) {
      out.push_back({K::end, e.date});
      continue;
    }
    if (e.kind != schedule::TimelineEntry::Kind::point || e.dropped) continue;
    switch (e.point) {
      case PointKind::fase2:
        out.push_back({K::phase2, e.date});
        break;
      case PointKind::fase3:
        out.push_back({K::phase3, e.date});
        break;
      case PointKind::overdragelsesmoeder:
        out.push_back({K::handover, e.date});
        break;
      case PointKind::afslutning:
        out.push_back({K::planned_end, e.date});
        break;
      case PointKind::opstart:
        break;
    }
  }
  return out;
}

void mark_error(BoardRow& row, const Forloeb& f) {
  const Diagnostic* d = f.first_error();
  row.has_error = true;
  row.status.reset();
  row.bands.clear();
  row.markers.clear();
  row.file = f.file;
  if (!d) return;
  row.error_rule = d->rule;
  row.error_message = d->message;
  row.error_line = d->pos.line;
}

BoardGroup& group_for(std::vector<BoardGroup>& groups, const Project& project, const std::string& worker) {
  for (auto& g : groups)
    if (g.worker == worker) return g;
  BoardGroup g;
  g.worker = worker;
  g.summary.worker = worker;
  if (const Worker* w = project.worker(worker)) g.name = w->name;
  groups.push_back(std::move(g));
  return groups.back();
}

}  // namespace

Board compute_board(const Project& project, const std::vector<Forloeb>& forloeb, const BoardQuery& q) {
  Board b;
  b.project = project.name;
  b.today = q.today;
  b.months = q.months;
  b.scale.from = first_of_month(q.today, -q.months_back);
  b.scale.to = first_of_month(q.today, q.months + 1);
  b.scale.x0 = kBoardLabelWidth;
  b.scale.x1 = kBoardLabelWidth + kBoardAxisWidth;
  for (Date d = first_of_month(b.scale.from, 1); d < b.scale.to; d = first_of_month(d, 1)) b.month_ticks.push_back(d);

  StatusQuery sq{q.today, q.horizon_days, q.worker, false};
  const auto rows = status_rows(project, forloeb, sq);
  const auto checklist = project.checklist();

  // The forløb behind each row, by file (files may share an id: [duplicate-id]).
  std::map<std::string, const Forloeb*> by_file;
  for (const auto& f : forloeb) by_file[f.file] = &f;

  for (const auto& s : worker_summaries(project, rows, q.worker)) group_for(b.groups, project, s.worker).summary = s;
  // Every file status lists has its row; one with errors is marked (and drawn when its
  // dates can be read), never left out.
  for (const auto& r : rows) {
    BoardRow row;
    row.id = r.id;
    row.worker = r.worker;
    row.status = r;
    if (auto it = by_file.find(r.file); it != by_file.end()) {
      const Forloeb& f = *it->second;
      row.file = f.file;
      if (f.has_errors()) mark_error(row, f);
      if (f.dates_readable()) {
        row.bands = bands_of(f, r, q.today);
        row.markers = markers_of(f, checklist);
      }
    }
    group_for(b.groups, project, r.worker).rows.push_back(std::move(row));
  }

  b.caseload = compute_caseload(project, forloeb, CaseloadQuery{q.today, q.months, q.worker});
  for (auto& g : b.groups) {
    for (const auto& w : b.caseload.workers)
      if (w.id == g.worker) g.caseload = w;
    for (const auto& r : g.rows) g.errors += r.has_error ? 1 : 0;
    b.rows += static_cast<int>(g.rows.size());
    b.errors += g.errors;
  }
  b.uncounted = b.caseload.uncounted;
  return b;
}

}  // namespace cti::report
