// `cti calendar`: every coming schedule point and open item as RFC 5545 all-day events.
// compute_calendar() picks the events (dates from schedule::plan_of and obligations);
// render_ics() only formats them.
//
// - One event per schedule point on or after today of each running forløb (opstart,
//   fase2, fase3, overdragelsesmøder, afslutning; with an end recorded ahead of time,
//   points from that day on give way to afslutning on the end date). The open checklist
//   items and documentation due that day are listed in its description.
// - An open item due on or after today on a day with no point gets an event of its own
//   (one per forløb and day).
// - UID: case id, point and the project's name, so a re-import updates the event (also
//   when its date moves) instead of adding a copy. DTSTAMP: today at 00:00:00 UTC, so the
//   output is a function of the files and --today.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"

namespace cti::report {

struct CalendarEvent {
  std::string uid;
  std::string id;      // case id
  std::string worker;  // medarbejder id
  std::string point;   // opstart, fase2, fase3, overdragelsesmøder, afslutning; empty for an item-only day
  Date date;
  std::vector<std::string> items;  // open checklist items due that day, in checklist order
  std::vector<std::string> docs;   // documentation points due that day
};

// Events sorted by date, then case id, then schedule order.
std::vector<CalendarEvent> compute_calendar(const Project& project, const std::vector<Forloeb>& forloeb, Date today,
                                            const std::string& worker);

// The whole VCALENDAR: CRLF line endings, lines folded at 75 octets.
std::string render_ics(const std::vector<CalendarEvent>& events, const Project& project, Date today);

// RFC 5545 3.3.11 TEXT escaping: backslash, semicolon, comma, newline.
std::string ics_escape(std::string_view text);

// RFC 5545 3.1 folding: a content line (without its CRLF) cut into pieces of at most 75
// octets, never inside a UTF-8 sequence, each piece after the first starting with a space.
// Returns the folded line with CRLF after every piece.
std::string ics_fold(std::string_view line);

// "K-0004-fase2-<hash>@cti": ASCII only, stable for the same case, point and project.
std::string event_uid(std::string_view case_id, std::string_view point, std::string_view project_name);

}  // namespace cti::report
