#include "report/show.hpp"

#include <fmt/format.h>

#include <algorithm>

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

std::string day_count(int n) {
  return n == 1 ? std::string(tr("1 day", "1 dag")) : fmt1(tr("{} days", "{} dage"), n);
}

// "om 5 dage", "i dag", "for 3 dage siden"
std::string relative(Date d, Date today) {
  int n = days_between(today, d);
  if (n == 0) return std::string(tr("today", "i dag"));
  if (n > 0) return fmt1(tr("in {}", "om {}"), day_count(n));
  return fmt1(tr("{} ago", "for {} siden"), day_count(-n));
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
        s += fmt1(tr(", {} late", ", {} for sent"), day_count(late));
      return Cell(s);
    }
    case State::overdue:
      return Cell(fmt1(tr("OVERDUE by {}", "FORSINKET {}"), day_count(days_between(o.due, today))), Color::red);
    case State::due_soon:
      return Cell(fmt1(tr("due soon ({})", "snart ({})"), relative(o.due, today)), Color::yellow);
    case State::open:
      return Cell(std::string(tr("open", "åben")));
  }
  return Cell();
}

std::string item_label(const Obligation& o) {
  if (o.kind == Obligation::Kind::documentation) return fmt1(tr("  documentation {}", "  dokumentation {}"), o.id);
  if (o.kind == Obligation::Kind::contact)
    return fmt::format(fmt::runtime(tr("  contact: {} d (max {})", "  kontakt: {} d (højst {})")), o.days_since,
                       o.limit);
  if (o.kind == Obligation::Kind::start)
    return fmt::format(
        fmt::runtime(tr("  opstart: {} d since kontakt (max {})", "  opstart: {} d siden kontakt (højst {})")),
        o.days_since, o.limit);
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

// The period a contact falls in: kontakt before opstart, then fase1-3, then overskredet.
std::string contact_period(const Forloeb& f, Date d) {
  auto plan = schedule::plan_of(f);
  if (!plan || d < plan->start) return "kontakt";
  if (d < plan->phase2) return "fase1";
  if (d < plan->phase3) return "fase2";
  if (d <= plan->planned_end) return "fase3";
  return "overskredet";
}

// "Contacts held:" then one line per period, "  fase1  12, last 2025-04-28", and the
// cancelled or missed ones; "Contacts: no contact log" without one.
std::string contacts_lines(const Forloeb& f) {
  if (!f.has_contact_log)
    return fmt::format("{}: {}\n", tr("Contacts", "Kontakter"), tr("no contact log", "ingen kontaktlog"));
  std::vector<std::string> order;
  std::vector<std::pair<int, Date>> per;  // held count, last held date
  int not_held = 0;
  for (const auto& c : f.contacts) {
    if (!c.held()) {
      ++not_held;
      continue;
    }
    std::string p = contact_period(f, *c.date);
    auto it = std::find(order.begin(), order.end(), p);
    if (it == order.end()) {
      order.push_back(p);
      per.push_back({0, *c.date});
      it = order.end() - 1;
    }
    auto& [n, last] = per[it - order.begin()];
    ++n;
    if (*c.date > last) last = *c.date;
  }
  std::string out = fmt::format("{}:{}\n", tr("Contacts held", "Holdte kontakter"),
                                order.empty() ? fmt::format(" {}", tr("none", "ingen")) : std::string());
  for (std::size_t i = 0; i < order.size(); ++i)
    out += fmt::format("  {:<11} {:>3}, {}\n", order[i], per[i].first,
                       fmt1(tr("last {}", "sidste {}"), format_date(per[i].second)));
  if (not_held) out += fmt1(tr("  cancelled or missed: {}\n", "  aflyst eller udeblevet: {}\n"), not_held);
  return out;
}

std::string method_lines(const Forloeb& f) {
  std::string out = contacts_lines(f);
  const std::string none = std::string(tr("not recorded", "ikke registreret"));
  out += fmt::format("{}:{}\n", tr("Focus areas", "Fokusområder"),
                     f.focus.empty() ? fmt::format(" {}", none) : std::string());
  for (const auto& fa : f.focus) {
    std::string areas;
    for (const auto& a : fa.areas) {
      if (!areas.empty()) areas += ", ";
      areas += *a;
    }
    out += fmt::format("  fase{}  {}\n", fa.phase, areas.empty() ? "-" : areas);
  }
  out += fmt::format("{}:{}\n", tr("Goals", "Mål"), f.goals.empty() ? fmt::format(" {}", none) : std::string());
  for (const auto& g : f.goals) {
    std::string area = g.area ? *g.area : std::string("?");
    out += g.reached ? fmt::format("  {:<22} {}\n", area, fmt1(tr("reached {}", "nået {}"), format_date(*g.reached)))
                     : fmt::format("  {}\n", area);
  }
  std::string peer = std::string(tr("not recorded", "ikke registreret"));
  if (f.peer && (f.peer->offered || f.peer->wanted || f.peer->matched)) {
    peer = f.peer->offered ? fmt1(tr("offered {}", "tilbudt {}"), format_date(*f.peer->offered))
                           : std::string(tr("not offered", "ikke tilbudt"));
    if (f.peer->wanted)
      peer += fmt1(tr(", wanted: {}", ", ønsket: {}"), *f.peer->wanted ? tr("yes", "ja") : tr("no", "nej"));
    if (f.peer->matched) peer += fmt1(tr(", matched {}", ", tilknyttet {}"), format_date(*f.peer->matched));
    if (f.peer->form) peer += " (" + *f.peer->form + ")";
  }
  out += fmt::format("{}: {}\n", tr("Peer support", "Peer-støtte"), peer);
  out += fmt::format("{}: {}\n", tr("Long-term support anchored with", "Langsigtet støtte forankret hos"),
                     f.anchored_role ? *f.anchored_role : std::string(tr("not recorded", "ikke registreret")));
  return out;
}

std::string footer(const Forloeb& f, int overdue, int soon, bool color) {
  std::string out = "\n";
  out += privacy::redact(method_lines(f));  // roles and areas are free words
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
  for (const auto& e : schedule::timeline(f, project.checklist(), schedule::settings_of(project, o.today))) {
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
