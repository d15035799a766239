#include "report/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
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

// UID characters: ASCII letters, digits, '-' and '.'; æ ø å spelt ae oe aa; other bytes as hex.
std::string uid_part(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c) || c == '-' || c == '.') {
      out += static_cast<char>(c);
    } else if (s.substr(i, 2) == "æ" || s.substr(i, 2) == "Æ") {
      out += "ae", ++i;
    } else if (s.substr(i, 2) == "ø" || s.substr(i, 2) == "Ø") {
      out += "oe", ++i;
    } else if (s.substr(i, 2) == "å" || s.substr(i, 2) == "Å") {
      out += "aa", ++i;
    } else {
      out += fmt::format("_{:02x}", c);
    }
  }
  return out;
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

}  // namespace

std::string event_uid(std::string_view case_id, std::string_view point, std::string_view project_name) {
  std::uint32_t h = 2166136261u;  // FNV-1a of the project's name
  for (unsigned char c : project_name) h = (h ^ c) * 16777619u;
  return fmt::format("{}-{}-{:08x}@cti", uid_part(privacy::redact(case_id)), uid_part(point), h);
}

std::vector<CalendarEvent> compute_calendar(const Project& project, const std::vector<Forloeb>& forloeb, Date today,
                                            const std::string& worker) {
  std::vector<CalendarEvent> events;
  const auto checklist = project.checklist();
  const auto settings = schedule::settings_of(project, today);
  for (const auto& f : forloeb) {
    if (!f.dates_readable()) continue;  // named by the command's note instead
    const std::string who = f.worker ? *f.worker : "";
    if (!worker.empty() && who != worker) continue;
    if (schedule::phase_on(f, today) == schedule::Phase::afsluttet) continue;
    auto plan = schedule::plan_of(f);
    if (!plan) continue;
    const std::string& id = f.display_id();
    std::vector<CalendarEvent> mine;
    auto add = [&](std::string point, Date d) {
      if (d < today) return;
      mine.push_back({event_uid(id, point, project.name), id, who, point, d, {}, {}});
    };
    for (const auto& p : schedule::due_points(f)) add(std::string(schedule::point_name(p.kind)), p.date);

    std::map<Date, CalendarEvent> loose;  // open items on a day with no point
    for (const auto& o : schedule::obligations(f, checklist, settings)) {
      if (o.due < today || schedule::state_on(o, today, 0) == schedule::State::done || o.not_relevant) continue;
      auto it = std::find_if(mine.begin(), mine.end(), [&](const CalendarEvent& e) { return e.date == o.due; });
      CalendarEvent* e = it != mine.end() ? &*it : nullptr;
      if (!e) {
        auto [li, fresh] = loose.try_emplace(o.due);
        if (fresh)
          li->second = {event_uid(id, "frist-" + ics_date(o.due), project.name), id, *f.worker, "", o.due, {}, {}};
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

std::string ics_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view unmasked) {
  // Masked before folding: a fold could split a CPR number past the output gate.
  const std::string masked = privacy::redact_output(unmasked);
  std::string_view l = masked;
  std::string out;
  std::size_t limit = 75;  // octets on this physical line, the leading space included
  bool first = true;
  while (true) {
    std::size_t room = first ? limit : limit - 1;
    if (l.size() <= room) {
      if (!first) out += ' ';
      out += l;
      out += "\r\n";
      return out;
    }
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(l[cut]) & 0xC0) == 0x80) --cut;  // not inside a sequence
    if (cut == 0) cut = room;
    if (!first) out += ' ';
    out += l.substr(0, cut);
    out += "\r\n";
    l.remove_prefix(cut);
    first = false;
  }
}

std::string render_ics(const std::vector<CalendarEvent>& events, const Project& project, Date today) {
  std::string out;
  const std::string stamp = ics_date(today) + "T000000Z";
  line(out, "BEGIN", "VCALENDAR");
  line(out, "VERSION", "2.0");
  line(out, "PRODID", "-//cti//cti calendar//DA");
  line(out, "CALSCALE", "GREGORIAN");
  line(out, "METHOD", "PUBLISH");
  std::string name = project.name.empty() ? "CTI" : project.name;
  line(out, "X-WR-CALNAME", ics_escape(privacy::redact(name)));
  for (const auto& e : events) {
    std::string summary = fmt::format("{}: {} ({})", e.id, point_label(e), e.worker);
    std::string desc = fmt::format("{}: {}", tr("Case", "Forløb"), e.id);
    desc += fmt::format("\n{}: {}", tr("Worker", "Medarbejder"), e.worker);
    if (!e.point.empty()) desc += fmt::format("\n{}: {}", tr("Point", "Punkt"), e.point);
    if (!e.items.empty()) desc += fmt::format("\n{}: {}", tr("Checklist due", "Tjekliste til frist"), join(e.items));
    if (!e.docs.empty())
      desc += fmt::format("\n{}: {}", tr("Documentation due", "Dokumentation til frist"), join(e.docs));
    line(out, "BEGIN", "VEVENT");
    line(out, "UID", e.uid);
    line(out, "DTSTAMP", stamp);
    line(out, "DTSTART;VALUE=DATE", ics_date(e.date));
    line(out, "DTEND;VALUE=DATE", ics_date(add_days(e.date, 1)));
    line(out, "SUMMARY", ics_escape(privacy::redact(summary)));
    line(out, "DESCRIPTION", ics_escape(privacy::redact(desc)));
    line(out, "CATEGORIES", "CTI");
    line(out, "TRANSP", "TRANSPARENT");
    line(out, "END", "VEVENT");
  }
  line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace cti::report
