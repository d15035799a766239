#include "report/show.hpp"

#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "report/table.hpp"
#include "schedule/timeline.hpp"

namespace cti::report {

using i18n::tr;
using schedule::Obligation;
using schedule::Phase;
using schedule::State;
using schedule::TimelineEntry;

namespace {

std::string fmt1(std::string_view pattern, auto arg) {
  return fmt::format(fmt::runtime(pattern), arg);
}

std::string days_text(int n) {
  return n == 1 ? std::string(tr("1 day", "1 dag")) : fmt1(tr("{} days", "{} dage"), n);
}

// "om 5 dage", "i dag", "for 3 dage siden"
std::string relative(Date d, Date today) {
  int n = days_between(today, d);
  if (n == 0) return std::string(tr("today", "i dag"));
  if (n > 0) return fmt1(tr("in {}", "om {}"), days_text(n));
  return fmt1(tr("{} ago", "for {} siden"), days_text(-n));
}

std::string entry_label(const TimelineEntry& e, const Forloeb& f) {
  switch (e.kind) {
    case TimelineEntry::Kind::contact:
      return "kontakt";
    case TimelineEntry::Kind::move_in:
      return "indflytning";
    case TimelineEntry::Kind::end:
      return f.end_status() ? "afslutning: " + std::string(end_status_name(*f.end_status())) : "afslutning";
    case TimelineEntry::Kind::point:
      if (e.point == schedule::PointKind::opstart) return "opstart (fase1)";
      if (e.point == schedule::PointKind::afslutning)
        return std::string(tr("afslutning (planned)", "afslutning (planlagt)"));
      return std::string(schedule::point_name(e.point));
  }
  return "";
}

Cell entry_status(const TimelineEntry& e, const Forloeb& f, Date today) {
  if (e.dropped) return Cell(std::string(tr("dropped: the forløb ended before", "bortfaldet: forløbet sluttede før")));
  bool planned_end = e.kind == TimelineEntry::Kind::point && e.point == schedule::PointKind::afslutning;
  if (planned_end && schedule::is_overdue_end(f, today))
    return Cell(fmt1(tr("overskredet: no end recorded ({})", "overskredet: ingen afslutning registreret ({})"),
                     relative(e.date, today)),
                Color::red);
  if (e.date < today) return Cell(fmt1(tr("past ({})", "passeret ({})"), relative(e.date, today)));
  return Cell(relative(e.date, today));
}

Cell item_status(const Obligation& o, Date today, int horizon) {
  switch (schedule::state_on(o, today, horizon)) {
    case State::not_relevant:
      return Cell(std::string(tr("not relevant", "ikke relevant")));
    case State::done: {
      std::string s = fmt1(tr("done {}", "udført {}"), format_date(*o.done));
      if (int late = days_between(o.due, *o.done); late > 0)
        s += fmt1(tr(", {} late", ", {} for sent"), days_text(late));
      return Cell(s);
    }
    case State::overdue:
      return Cell(fmt1(tr("OVERDUE by {}", "FORSINKET {}"), days_text(days_between(o.due, today))), Color::red);
    case State::due_soon:
      return Cell(fmt1(tr("due soon ({})", "snart ({})"), relative(o.due, today)), Color::yellow);
    case State::open:
      return Cell(std::string(tr("open", "åben")));
  }
  return Cell();
}

std::string item_label(const Obligation& o) {
  if (o.kind == Obligation::Kind::documentation) return fmt1(tr("  documentation {}", "  dokumentation {}"), o.id);
  return "  " + o.id;
}

std::string header(const Project& project, const Forloeb& f, const ShowOptions& o) {
  const std::string& id = f.display_id();
  std::string worker = f.worker ? *f.worker : "?";
  if (const Worker* w = f.worker ? project.worker(*f.worker) : nullptr; w && !w->name.empty())
    worker += " (" + w->name + ")";
  std::string out = fmt::format("{}  {}  {}\n", id, worker, f.subgroup ? *f.subgroup : "?");
  out += fmt::format("{}: {}\n", tr("File", "Fil"), f.file);

  Phase ph = schedule::phase_on(f, o.today);
  std::string phase = std::string(schedule::phase_name(ph));
  if (auto d = schedule::day_in_phase(f, o.today)) phase += fmt1(tr(", day {}", ", dag {}"), *d);
  if (ph == Phase::kontakt && !schedule::plan_of(f))
    phase += std::string(tr(" (no opstart yet)", " (ingen opstart endnu)"));
  out += fmt::format("{}: {}\n", tr("Today", "I dag"), format_date(o.today));
  out += fmt::format("{}: {}\n", tr("Phase", "Fase"),
                     colorize(phase, ph == Phase::overskredet ? Color::red : Color::none, o.color));
  if (auto n = schedule::next_point(f, o.today))
    out += fmt::format("{}: {} {} ({})\n", tr("Next", "Næste"), schedule::point_name(n->kind), format_date(n->date),
                       relative(n->date, o.today));
  return out;
}

std::string footer(const Forloeb& f, int overdue, int soon, bool color) {
  std::string out = "\n";
  std::string peer = std::string(tr("not recorded", "ikke registreret"));
  if (f.peer && (f.peer->offered || f.peer->wanted)) {
    peer = f.peer->offered ? fmt1(tr("offered {}", "tilbudt {}"), format_date(*f.peer->offered))
                           : std::string(tr("not offered", "ikke tilbudt"));
    if (f.peer->wanted)
      peer += fmt1(tr(", wanted: {}", ", ønsket: {}"), *f.peer->wanted ? tr("yes", "ja") : tr("no", "nej"));
  }
  out += fmt::format("{}: {}\n", tr("Peer support", "Peer-støtte"), peer);
  std::string end = std::string(tr("none recorded", "ingen registreret"));
  if (auto d = f.end_date()) {
    end = format_date(*d);
    if (auto s = f.end_status()) end += ", " + std::string(end_status_name(*s));
    if (f.ending && !f.ending->reason.empty()) end += " (" + privacy::redact(f.ending->reason) + ")";
  }
  out += fmt::format("{}: {}\n", tr("End", "Afslutning"), end);
  out +=
      fmt::format("{}: {}, {}: {}\n", tr("Overdue", "Forsinket"),
                  colorize(std::to_string(overdue), overdue ? Color::red : Color::none, color), tr("due soon", "snart"),
                  colorize(std::to_string(soon), soon ? Color::yellow : Color::none, color));
  return out;
}

}  // namespace

std::string render_show(const Project& project, const Forloeb& f, const ShowOptions& o) {
  std::string out = header(project, f, o) + "\n";
  Table t({{""}, {""}, {""}}, TableStyle{"  ", false, false});
  int overdue = 0, soon = 0;
  for (const auto& e : schedule::timeline(f, project.checklist())) {
    t.add_row({format_date(e.date), entry_label(e, f), entry_status(e, f, o.today)});
    for (const auto& ob : e.due) {
      State s = schedule::state_on(ob, o.today, o.horizon_days);
      overdue += s == State::overdue;
      soon += s == State::due_soon;
      t.add_row({"", item_label(ob), item_status(ob, o.today, o.horizon_days)});
    }
  }
  out += t.render(o.color);
  return out + footer(f, overdue, soon, o.color);
}

}  // namespace cti::report
