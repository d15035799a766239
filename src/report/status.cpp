// The status board (SPEC section 6): one row per forløb with its phase, next point and
// most urgent item, and the terminal table; the JSON and CSV forms are status_formats.cpp.
#include "report/status.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "base/lang.hpp"
#include "base/parallel.hpp"
#include "report/quarter.hpp"
#include "report/table.hpp"
#include "schedule/dues.hpp"

namespace cti::report {

using i18n::tr;
using i18n::tr_n;
using schedule::Phase;
using schedule::State;

const StatusItem* StatusRow::most_urgent() const {
  if (!overdue.empty()) return &overdue.front();
  if (!due_soon.empty()) return &due_soon.front();
  return nullptr;
}

StatusRow status_row(const Forloeb& f, const std::vector<schedule::Due>& owed, const StatusQuery& q) {
  StatusRow r;
  r.id = f.display_id();
  r.worker = f.worker ? *f.worker : "";
  r.subgroup = f.subgroup ? *f.subgroup : "";
  r.file = f.file;
  for (const auto& d : f.diagnostics)
    if (d.severity == Severity::error) r.errors.push_back({d.rule, d.pos.line, d.message});
  r.dates_readable = f.dates_readable();
  if (!r.dates_readable) return r;
  r.phase = schedule::phase_on(f, q.today);
  r.day_in_phase = schedule::day_in_phase(f, q.today);
  r.plan = schedule::plan_of(f);
  r.end = f.end_date();
  r.end_status = f.end_status();
  r.next = schedule::next_point(f, q.today);
  if (r.next) r.next_days = days_between(q.today, r.next->date);

  for (const auto& o : owed) {
    State s = schedule::state_on(o, q.today, q.horizon_days);
    if (s != State::overdue && s != State::due_soon) continue;
    StatusItem it{std::string(o.point), std::string(o.id), o.due, o.kind == schedule::Obligation::Kind::documentation,
                  std::nullopt};
    if (o.kind == schedule::Obligation::Kind::contact || o.kind == schedule::Obligation::Kind::start)
      it.days_since = o.days_since;
    (s == State::overdue ? r.overdue : r.due_soon).push_back(std::move(it));
  }
  // obligations() come in due-date order, so front() is the oldest / soonest.
  auto earliest = [&](std::optional<Date> d) {
    if (d && (!r.deadline || *d < *r.deadline)) r.deadline = d;
  };
  if (!r.overdue.empty()) earliest(r.overdue.front().due);
  if (r.next) earliest(r.next->date);
  if (!r.due_soon.empty()) earliest(r.due_soon.front().due);
  return r;
}

std::string validate_hint(const StatusRow& r) {
  return "cti validate " + r.file;
}

namespace {

// The abbreviations of a narrow board.
std::string short_phase(Phase p) {
  return p == Phase::overskredet ? "overskr."
         : p == Phase::afsluttet ? "afslut."
                                 : std::string(schedule::phase_name(p));
}

std::string short_point(schedule::PointKind k) {
  return k == schedule::PointKind::overdragelsesmoeder ? "overdr.møder" : std::string(schedule::point_name(k));
}

// "økonomi +12d" (12 days overdue), "økonomi today", "økonomi in 3d".
std::string urgent_text(const std::string& label, Date due, Date today) {
  int days = days_between(today, due);
  if (days < 0) return fmt::format("{} +{}d", label, -days);
  if (days == 0) return fmt::format(fmt::runtime(tr("{} today", "{} i dag")), label);
  return fmt::format(fmt::runtime(tr("{} in {}d", "{} om {}d")), label, days);
}

}  // namespace

std::vector<StatusRow> status_rows(const Project& project, const std::vector<Forloeb>& forloeb, const StatusQuery& q) {
  const auto checklist = project.checklist();
  const auto settings = schedule::settings_of(project, q.today);
  // Each forløb's row on whichever core is free, into its own slot, then in file order.
  std::vector<std::optional<StatusRow>> each(forloeb.size());
  for_each_index(forloeb.size(), 256, [&](std::size_t i) {
    const Forloeb& f = forloeb[i];
    if (!f.in_view_of(q.worker)) return;
    if (!f.dates_readable()) {  // listed, marked: nothing it owes can be worked out
      each[i] = status_row(f, {}, q);
      return;
    }
    const auto owed = schedule::dues(f, checklist, settings);
    if (q.all || f.has_errors() || schedule::on_default_board(f, owed, q.today)) each[i] = status_row(f, owed, q);
  });
  std::vector<StatusRow> rows;
  rows.reserve(forloeb.size());
  for (auto& row : each)
    if (row) rows.push_back(std::move(*row));
  std::sort(rows.begin(), rows.end(), [](const StatusRow& a, const StatusRow& b) {
    if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
    if (a.deadline && *a.deadline != *b.deadline) return *a.deadline < *b.deadline;
    if (a.id != b.id) return a.id < b.id;
    return a.file < b.file;
  });
  return rows;
}

std::vector<WorkerSummary> worker_summaries(const Project& project, const std::vector<StatusRow>& rows,
                                            const std::string& only_worker) {
  std::vector<WorkerSummary> out;
  std::unordered_map<std::string, std::size_t> index;  // worker id -> entry: linear in workers + rows
  for (const auto& w : project.workers)
    if ((only_worker.empty() || w.id == only_worker) && index.emplace(w.id, out.size()).second) out.push_back({w.id});
  std::optional<std::size_t> unknown;
  for (const auto& r : rows) {
    auto it = index.find(r.worker);
    std::size_t i;
    if (it != index.end()) {
      i = it->second;
    } else {
      if (!unknown) {
        unknown = out.size();
        out.push_back({"", false});
      }
      i = *unknown;
    }
    WorkerSummary& w = out[i];
    if (!r.dates_readable)
      ++w.unknown_phase;
    else if (schedule::is_active(r.phase))
      ++w.active;
    else if (r.phase == Phase::kontakt)
      ++w.in_contact;
    else
      ++w.ended;
    if (r.has_errors()) ++w.with_errors;
    if (!r.overdue.empty()) ++w.with_overdue;
    w.overdue_items += r.overdue_count();
  }
  return out;
}

std::string render_status_table(const std::vector<StatusRow>& rows, const std::vector<WorkerSummary>& workers,
                                Date today, int horizon_days, bool color, std::size_t width) {
  std::string out = fmt::format(
      fmt::runtime(tr_n(horizon_days, "Today {}, due-soon horizon {} day\n", "Today {}, due-soon horizon {} days\n",
                        "I dag {}, snart-horisont {} dag\n", "I dag {}, snart-horisont {} dage\n")),
      format_date(today), horizon_days);
  if (rows.empty()) {
    out += tr("No forløb to show.\n", "Ingen forløb at vise.\n");
  } else {
    // Fitting a narrow terminal: abbreviations, then these columns leave in this order
    // (documented in cti-status(1)); Id, deadline, phase, overdue and most urgent stay.
    Table t({{"Id"},
             {std::string(tr("Deadline", "Frist"))},
             {.heading = std::string(tr("Worker", "Medarbejder")),
              .drop = 6,
              .short_heading = std::string(tr("Worker", "Medarb."))},
             {std::string(tr("Phase", "Fase"))},
             {.heading = std::string(tr("Day", "Dag")), .align = Align::right, .drop = 1},
             {.heading = std::string(tr("Next", "Næste")), .drop = 5},
             {.heading = std::string(tr("Date", "Dato")), .drop = 2},
             {.heading = std::string(tr("Days", "Dage")), .align = Align::right, .drop = 4},
             {.heading = std::string(tr("Overdue", "Forsinket")),
              .align = Align::right,
              .short_heading = std::string(tr("Late", "Fors."))},
             {.heading = std::string(tr("Soon", "Snart")), .align = Align::right, .drop = 3},
             {.heading = std::string(tr("Most urgent", "Mest presserende")),
              .flex = true,
              .short_heading = std::string(tr("Urgent", "Presserende"))}});
    // Each row's cells on whichever core is free, into its own slot.
    std::vector<std::vector<Cell>> table_rows(rows.size());
    for_each_index(rows.size(), 256, [&](std::size_t i) {
      const StatusRow& r = rows[i];
      std::vector<Cell>& cells = table_rows[i];
      cells.reserve(11);
      cells.emplace_back(r.id);
      if (r.deadline) {
        int days = days_between(today, *r.deadline);
        cells.emplace_back(format_date(*r.deadline), days < 0               ? Color::red
                                                     : days <= horizon_days ? Color::yellow
                                                                            : Color::none);
      } else {
        cells.emplace_back("");
      }
      cells.emplace_back(r.worker);
      if (!r.dates_readable)
        cells.emplace_back("?", Color::red);
      else
        cells
            .emplace_back(std::string(schedule::phase_name(r.phase)),
                          r.phase == Phase::overskredet ? Color::red : Color::none)
            .abbreviated(short_phase(r.phase));
      cells.emplace_back(r.day_in_phase ? std::to_string(*r.day_in_phase) : "-");
      if (r.next) {
        Color c = r.next_days < 0 ? Color::red : r.next_days <= horizon_days ? Color::yellow : Color::none;
        cells.emplace_back(std::string(schedule::point_name(r.next->kind))).abbreviated(short_point(r.next->kind));
        cells.emplace_back(format_date(r.next->date));
        cells.emplace_back(std::to_string(r.next_days), c);
      } else {
        cells.emplace_back("-");
        cells.emplace_back("");
        cells.emplace_back("");
      }
      cells.emplace_back(std::to_string(r.overdue_count()), r.overdue.empty() ? Color::none : Color::red);
      cells.emplace_back(std::to_string(r.due_soon_count()), r.due_soon.empty() ? Color::none : Color::yellow);
      if (r.has_errors()) {
        // Cut at the end when narrow, never before the error mark.
        std::string mark = fmt::format(fmt::runtime(tr("error [{}]", "fejl [{}]")), r.errors.front().rule);
        cells.emplace_back(mark + ": " + validate_hint(r), Color::red).keeping(display_width(mark) + 1);
      } else if (const StatusItem* u = r.most_urgent()) {
        const bool late = !r.overdue.empty();
        cells.emplace_back(urgent_text(u->label(), u->due, today), late ? Color::red : Color::yellow)
            .abbreviated(urgent_text(u->documentation ? "dok:" + u->item : u->item, u->due, today));
      } else {
        cells.emplace_back("");
      }
    });
    t.add_rows(std::move(table_rows));
    out += t.render(color, width);
  }
  if (!workers.empty()) {
    out += "\n";
    Table s({{""}, {""}, {.heading = "", .flex = true}}, TableStyle{"  ", false, false});
    for (const auto& w : workers) {
      std::string overdue = std::string(tr("nothing overdue", "intet forsinket"));
      if (w.with_overdue > 0)
        overdue = fmt::format(fmt::runtime(tr("{} with overdue items ({} {})", "{} med forsinkede punkter ({} {})")),
                              w.with_overdue, w.overdue_items,
                              w.overdue_items == 1 ? tr("item", "punkt") : tr("items", "punkter"));
      std::string counts = w.active == 1 ? std::string(tr("1 active", "1 aktiv"))
                                         : fmt::format(fmt::runtime(tr("{} active", "{} aktive")), w.active);
      if (w.in_contact > 0) counts += fmt::format(fmt::runtime(tr(", {} in contact", ", {} i kontakt")), w.in_contact);
      if (w.ended > 0)
        counts += fmt::format(
            fmt::runtime(tr_n(w.ended, ", {} ended", ", {} ended", ", {} afsluttet", ", {} afsluttede")), w.ended);
      if (w.unknown_phase > 0)
        counts += fmt::format(fmt::runtime(tr_n(w.unknown_phase, ", {} unreadable", ", {} unreadable", ", {} ulæselig",
                                                ", {} ulæselige")),
                              w.unknown_phase);
      if (w.with_errors > 0)
        overdue += fmt::format(fmt::runtime(tr("  {} with file errors", "  {} med fejl i filen")), w.with_errors);
      std::string name = w.known ? w.worker : std::string(tr("(unknown worker)", "(ukendt medarbejder)"));
      s.add_row({Cell(name + ":"), Cell(counts),
                 Cell(overdue, w.with_overdue > 0 || w.with_errors > 0 ? Color::red : Color::none)});
    }
    out += s.render(color, width);
  }
  return out;
}

}  // namespace cti::report
