// `cti calendar`: which events (compute_calendar) and the VCALENDAR text (render_ics).
// See report/calendar.hpp for the rules; escaping, folding, UIDs and time are in ics.cpp.
#include "report/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "schedule/schedule.hpp"

namespace cti::report {

using i18n::tr;

namespace {

int point_order(std::string_view point) {
  static const std::string_view order[] = {"opstart", "fase2", "fase3", "overdragelsesmøder", "afslutning"};
  for (int i = 0; i < 5; ++i)
    if (order[i] == point) return i;
  return 5;
}

std::string ics_date(Date d) {
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string point_label(const CalendarEvent& e) {
  if (e.point == "opstart") return std::string(tr("start (phase 1)", "opstart (fase 1)"));
  if (e.point == "fase2") return std::string(tr("phase 2 begins", "fase 2 begynder"));
  if (e.point == "fase3") return std::string(tr("phase 3 begins", "fase 3 begynder"));
  if (e.point == "overdragelsesmøder") return std::string(tr("handover meetings", "overdragelsesmøder"));
  if (e.point == "afslutning") return std::string(tr("end", "afslutning"));
  return std::string(tr("due", "frist"));
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void line(std::string& out, std::string_view name, std::string_view value) {
  std::string l(name);
  l += ':';
  l += value;
  out += ics_fold(l);
}

// The planned points of `f` that an early end dropped and whose UID no due point reuses
// (afslutning moves to the end date under its own UID), while they are still written.
void add_cancelled(std::vector<CalendarEvent>& mine, const Forloeb& f, const schedule::Plan& plan, Date today,
                   const std::string& project_name) {
  auto end = f.end_date();
  if (!end) return;
  const auto due = schedule::due_points(f);
  for (const auto& p : plan.points()) {
    if (!schedule::point_dropped(f, p)) continue;
    if (std::any_of(due.begin(), due.end(), [&](const schedule::Point& q) { return q.kind == p.kind; })) continue;
    if (today > std::max(add_days(*end, kCancelledKeepDays), p.date)) continue;
    std::string point(schedule::point_name(p.kind));
    const std::string& id = f.display_id();
    mine.push_back(
        {event_uid(id, point, project_name), id, f.worker ? *f.worker : "", point, p.date, {}, {}, true, end});
  }
}

}  // namespace

std::vector<CalendarEvent> compute_calendar(const Project& project, const std::vector<Forloeb>& forloeb, Date today,
                                            const std::string& worker) {
  std::vector<CalendarEvent> events;
  const auto checklist = project.checklist();
  const auto settings = schedule::settings_of(project, today);
  for (const auto& f : forloeb) {
    if (!f.dates_readable()) continue;  // named by the command's note instead
    const std::string who = f.worker ? *f.worker : "";
    if (!worker.empty() && who != worker) continue;
    auto plan = schedule::plan_of(f);
    if (!plan) continue;
    const std::string& id = f.display_id();
    std::vector<CalendarEvent> mine;
    add_cancelled(mine, f, *plan, today, project.name);
    if (schedule::phase_on(f, today) == schedule::Phase::afsluttet) {
      events.insert(events.end(), mine.begin(), mine.end());
      continue;
    }
    auto add = [&](std::string point, Date d) {
      if (d < today) return;
      mine.push_back({event_uid(id, point, project.name), id, who, point, d, {}, {}, false, std::nullopt});
    };
    for (const auto& p : schedule::due_points(f)) add(std::string(schedule::point_name(p.kind)), p.date);

    std::map<Date, CalendarEvent> loose;  // open items on a day with no point
    for (const auto& o : schedule::obligations(f, checklist, settings)) {
      if (o.due < today || schedule::state_on(o, today, 0) == schedule::State::done || o.not_relevant) continue;
      auto it = std::find_if(mine.begin(), mine.end(),
                             [&](const CalendarEvent& e) { return e.date == o.due && !e.cancelled; });
      CalendarEvent* e = it != mine.end() ? &*it : nullptr;
      if (!e) {
        auto [li, fresh] = loose.try_emplace(o.due);
        if (fresh)
          li->second = {
              event_uid(id, "frist-" + ics_date(o.due), project.name), id, who, "", o.due, {}, {}, false, std::nullopt};
        e = &li->second;
      }
      (o.kind == schedule::Obligation::Kind::documentation ? e->docs : e->items).push_back(o.id);
    }
    for (auto& [d, e] : loose) mine.push_back(std::move(e));
    events.insert(events.end(), mine.begin(), mine.end());
  }
  std::stable_sort(events.begin(), events.end(), [](const CalendarEvent& a, const CalendarEvent& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.id != b.id) return a.id < b.id;
    return point_order(a.point) < point_order(b.point);
  });
  return events;
}

std::string render_ics(const std::vector<CalendarEvent>& events, const Project& project, const IcsOptions& options) {
  std::string out;
  const std::string stamp = ics_utc(options.now);
  const std::string sequence = std::to_string(ics_sequence(options.now));
  line(out, "BEGIN", "VCALENDAR");
  line(out, "VERSION", "2.0");
  line(out, "PRODID", "-//cti//cti calendar//DA");
  line(out, "CALSCALE", "GREGORIAN");
  line(out, "METHOD", "PUBLISH");
  std::string name = project.name.empty() ? "CTI" : project.name;
  line(out, "X-WR-CALNAME", ics_escape(privacy::redact(name)));
  for (const auto& s : uncounted_sentences(options.uncounted, Shown::figures))
    line(out, "X-CTI-NOT-COUNTED", ics_escape(privacy::redact(s)));
  for (const auto& e : events) {
    std::string summary = fmt::format("{}: {} ({})", e.id, point_label(e), e.worker);
    if (e.cancelled) summary = fmt::format("{}: {}", tr("Cancelled", "Aflyst"), summary);
    std::string desc = fmt::format("{}: {}", tr("Case", "Forløb"), e.id);
    desc += fmt::format("\n{}: {}", tr("Worker", "Medarbejder"), e.worker);
    if (!e.point.empty()) desc += fmt::format("\n{}: {}", tr("Point", "Punkt"), e.point);
    if (!e.items.empty()) desc += fmt::format("\n{}: {}", tr("Checklist due", "Tjekliste til frist"), join(e.items));
    if (!e.docs.empty())
      desc += fmt::format("\n{}: {}", tr("Documentation due", "Dokumentation til frist"), join(e.docs));
    if (e.cancelled && e.ended)
      desc += fmt::format(fmt::runtime(tr("\nCancelled: the forløb ends early (afslutning {})",
                                          "\nAflyst: forløbet slutter før tid (afslutning {})")),
                          format_date(*e.ended));
    summary = ics_escape(privacy::redact(summary));
    line(out, "BEGIN", "VEVENT");
    line(out, "UID", e.uid);
    line(out, "DTSTAMP", stamp);
    line(out, "LAST-MODIFIED", stamp);
    line(out, "SEQUENCE", sequence);
    line(out, "DTSTART;VALUE=DATE", ics_date(e.date));
    line(out, "DTEND;VALUE=DATE", ics_date(add_days(e.date, 1)));
    line(out, "SUMMARY", summary);
    line(out, "DESCRIPTION", ics_escape(privacy::redact(desc)));
    line(out, "STATUS", e.cancelled ? "CANCELLED" : "CONFIRMED");
    line(out, "CATEGORIES", "CTI");
    line(out, "TRANSP", "TRANSPARENT");
    if (options.alarm_days && !e.cancelled) {
      line(out, "BEGIN", "VALARM");
      line(out, "ACTION", "DISPLAY");
      line(out, "TRIGGER", fmt::format("-P{}D", *options.alarm_days));
      line(out, "DESCRIPTION", summary);
      line(out, "END", "VALARM");
    }
    line(out, "END", "VEVENT");
  }
  line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace cti::report
