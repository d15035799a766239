// Output of `cti caseload`: table, JSON and CSV. Formatting only; the numbers come from
// compute_caseload().
#include <fmt/format.h>

#include <cmath>

#include "base/csv.hpp"
#include "base/json.hpp"
#include "base/lang.hpp"
#include "report/caseload.hpp"
#include "report/quarter.hpp"
#include "report/table.hpp"

namespace cti::report {

using i18n::tr;

namespace {

std::string month_label(Date d) {
  return fmt::format("{:04}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
}

bool over(const LoadAt& l) {
  return l.free < -1e-9;
}

std::string room_text(const WorkerCaseload& w) {
  auto r = w.room_from();
  if (!r) return "-";
  if (*r == w.now.day) return std::string(tr("now", "nu"));
  return format_date(*r);
}

std::vector<const WorkerCaseload*> rows_of(const Caseload& c) {
  std::vector<const WorkerCaseload*> rows;
  for (const auto& w : c.workers) rows.push_back(&w);
  if (c.workers.size() > 1) rows.push_back(&c.team);
  return rows;
}

std::string row_name(const WorkerCaseload& w, const Caseload& c) {
  if (&w == &c.team) return "team";
  return w.known ? w.id : w.id + tr(" (not in cti.yaml)", " (ikke i cti.yaml)").data();
}

// A column of the table now, with the heading it has when the table must be abbreviated
// to fit the terminal (as status is).
Column now_column(std::string_view en, std::string_view da, std::string_view short_en, std::string_view short_da,
                  Align align = Align::right) {
  Column col{std::string(tr(en, da)), align};
  col.short_heading = std::string(tr(short_en, short_da));
  return col;
}

std::string now_table(const Caseload& c, bool color, std::size_t width) {
  std::vector<Column> cols = {now_column("worker", "medarbejder", "worker", "medarb.", Align::left),
                              now_column("FTE", "årsværk", "FTE", "åv"),
                              now_column("capacity", "kapacitet", "cap.", "kap."),
                              now_column("contact", "kontakt", "cont.", "kont."),
                              now_column("phase1", "fase1", "ph1", "f1"),
                              now_column("phase2", "fase2", "ph2", "f2"),
                              now_column("phase3", "fase3", "ph3", "f3"),
                              now_column("overrun", "overskredet", "over", "overskr."),
                              now_column("active", "aktive", "act.", "akt."),
                              now_column("free", "ledige", "free", "ledig"),
                              now_column("load", "belastning", "load", "belast."),
                              now_column("room from", "plads fra", "room from", "plads fra", Align::left)};
  // Narrower still, these give way in this order; the counts per phase stay.
  cols[2].drop = 1;   // capacity: FTE times caseload_pr_årsværk
  cols[10].drop = 2;  // load
  cols[11].drop = 3;  // room from
  Table t(cols);
  for (const WorkerCaseload* w : rows_of(c)) {
    const auto& n = w->now.counts;
    Color red = over(w->now) ? Color::red : Color::none;
    t.add_row({row_name(*w, c), format_number(w->fte), format_number(w->capacity), std::to_string(n.kontakt),
               std::to_string(n.fase1), std::to_string(n.fase2), std::to_string(n.fase3), std::to_string(n.overskredet),
               Cell(std::to_string(n.active()), red), Cell(format_number(w->now.free), red), format_number(w->now.load),
               room_text(*w)});
  }
  return t.render(color, width);
}

std::string forecast_table(const Caseload& c, bool color) {
  std::vector<Column> cols = {{tr("worker", "medarbejder").data()}};
  for (const auto& l : c.team.forecast) cols.push_back({month_label(l.day), Align::right});
  Table t(cols);
  for (const WorkerCaseload* w : rows_of(c)) {
    std::vector<Cell> cells = {row_name(*w, c)};
    for (const auto& l : w->forecast)
      cells.emplace_back(fmt::format("{} ({})", l.counts.active(), format_number(l.load)),
                         over(l) ? Color::red : Color::none);
    t.add_row(cells);
  }
  return t.render(color);
}

std::string cluster_line(const WorkerCaseload& w, const MoveInCluster& m) {
  std::string ids;
  for (const auto& id : m.ids) ids += (ids.empty() ? "" : ", ") + id;
  if (m.kind == MoveInCluster::Kind::phase1)
    return fmt::format(fmt::runtime(tr("  {}: {} in phase 1 at once: {}", "  {}: {} i fase 1 på samme tid: {}")), w.id,
                       m.ids.size(), ids);
  return fmt::format(fmt::runtime(tr("  {}: {} moving in during {}: {}", "  {}: {} flytter ind i {}: {}")), w.id,
                     m.ids.size(), m.month, ids);
}

void write_counts(JsonWriter& j, const LoadAt& l) {
  j.begin_object();
  j.key("date").value(format_date(l.day));
  j.key("kontakt").value(l.counts.kontakt);
  j.key("fase1").value(l.counts.fase1);
  j.key("fase2").value(l.counts.fase2);
  j.key("fase3").value(l.counts.fase3);
  j.key("overskredet").value(l.counts.overskredet);
  j.key("active").value(l.counts.active());
  j.key("free").value(l.free);
  j.key("load").value(l.load);
  j.key("over_capacity").value(over(l));
  j.end_object();
}

void write_worker(JsonWriter& j, const WorkerCaseload& w, bool team) {
  j.begin_object();
  if (!team) {
    j.key("id").value(w.id);
    j.key("name").value(w.name);
    j.key("known").value(w.known);
  }
  j.key("fte").value(w.fte);
  j.key("capacity").value(w.capacity);
  j.key("now");
  write_counts(j, w.now);
  j.key("forecast").begin_array();
  for (const auto& l : w.forecast) write_counts(j, l);
  j.end_array();
  j.key("room_from");
  if (auto r = w.room_from())
    j.value(format_date(*r));
  else
    j.null();
  if (!team) {
    j.key("move_ins").begin_array();
    for (const auto& m : w.move_ins) {
      j.begin_object();
      j.key("kind").value(m.kind == MoveInCluster::Kind::phase1 ? "phase1" : "same_month");
      j.key("month");
      if (m.month.empty())
        j.null();
      else
        j.value(m.month);
      j.key("ids").begin_array();
      for (const auto& id : m.ids) j.value(id);
      j.end_array();
      j.end_object();
    }
    j.end_array();
  }
  j.end_object();
}

std::vector<std::string> csv_row(const std::string& worker, const WorkerCaseload& w, const LoadAt& l) {
  const auto& n = l.counts;
  auto num = [](int v) { return std::to_string(v); };
  return {worker,
          format_date(l.day),
          num(n.kontakt),
          num(n.fase1),
          num(n.fase2),
          num(n.fase3),
          num(n.overskredet),
          num(n.active()),
          csv::decimal(w.capacity),
          csv::decimal(l.free),
          csv::decimal(l.load),
          over(l) ? "yes" : "no"};
}

}  // namespace

std::string render_caseload_table(const Caseload& c, bool color, std::size_t width) {
  std::string out = fmt::format(fmt::runtime(tr("Caseload on {}\n\n", "Caseload pr. {}\n\n")), format_date(c.today));
  out += now_table(c, color, width);
  out += fmt::format(fmt::runtime(tr("\nForecast: active forløb (weighted load) on the first of each month\n\n",
                                     "\nPrognose: aktive forløb (vægtet belastning) den 1. i hver måned\n\n")));
  out += forecast_table(c, color);
  std::string clusters;
  for (const auto& w : c.workers)
    for (const auto& m : w.move_ins) clusters += cluster_line(w, m) + "\n";
  if (!clusters.empty())
    out += std::string(tr("\nSeveral moving in at the same time:\n", "\nFlere flytter ind på samme tid:\n")) + clusters;
  return out;
}

std::string render_caseload_json(const Caseload& c) {
  JsonWriter j;
  j.begin_object();
  j.key("today").value(format_date(c.today));
  j.key("workers").begin_array();
  for (const auto& w : c.workers) write_worker(j, w, false);
  j.end_array();
  j.key("team");
  write_worker(j, c.team, true);
  write_uncounted_json(j, c.uncounted);
  j.end_object();
  return std::move(j).str();
}

std::string render_caseload_csv(const Caseload& c) {
  std::vector<std::vector<std::string>> lines;
  auto rows = [&](const std::string& name, const WorkerCaseload& w) {
    lines.push_back(csv_row(name, w, w.now));
    for (const auto& l : w.forecast) lines.push_back(csv_row(name, w, l));
  };
  for (const auto& w : c.workers) rows(w.id, w);
  rows("(team)", c.team);
  return csv::document({"worker", "date", "kontakt", "fase1", "fase2", "fase3", "overskredet", "active", "capacity",
                        "free", "load", "over_capacity"},
                       lines);
}

}  // namespace cti::report
