// `cti calendar`: every coming schedule point and open item as RFC 5545 all-day events.
// compute_calendar() picks the events (dates from schedule::due_points and obligations);
// render_ics() only formats them (ics.cpp: escaping, folding, export time).
//
// - One event per schedule point on or after today of each running forløb (opstart,
//   fase2, fase3, overdragelsesmøder, afslutning; with an end recorded ahead of time,
//   points from that day on give way to afslutning on the end date). The open checklist
//   items and documentation due that day are listed in its description.
// - An open item due on or after today on a day with no point gets an event of its own
//   (one per forløb and day).
// - A point an early end dropped (schedule::point_dropped) stays in the file as a
//   cancelled event with its old UID for kCancelledKeepDays after the end (and at least
//   until its own date), so calendars that imported it take it out.
// - UID: case id, point and the project's name, so a re-import updates the event (also
//   when its date moves) instead of adding a copy. DTSTAMP and LAST-MODIFIED: the export
//   time; SEQUENCE: minutes from kSequenceEpoch to the export time, so every later export
//   is a newer revision of every event (RFC 5545 3.8.7.4, RFC 5546 2.1.5).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"
#include "report/uncounted.hpp"

namespace cti::report {

using Instant = std::chrono::sys_seconds;

struct CalendarEvent {
  std::string uid;
  std::string id;      // case id
  std::string worker;  // medarbejder id
  std::string point;   // opstart, fase2, fase3, overdragelsesmøder, afslutning; empty for an item-only day
  Date date;
  std::vector<std::string> items;  // open checklist items due that day, in checklist order
  std::vector<std::string> docs;   // documentation points due that day
  bool cancelled = false;          // a point an early end dropped: STATUS:CANCELLED
  std::optional<Date> ended;       // for a cancelled event: the end that dropped it
};

// How long a dropped point is still written as cancelled: until this many days after the
// end date, or until the point's own date when that is later.
inline constexpr int kCancelledKeepDays = 90;

// Events sorted by date, then case id, then schedule order.
std::vector<CalendarEvent> compute_calendar(const Project& project, const std::vector<Forloeb>& forloeb, Date today,
                                            const std::string& worker);

struct IcsOptions {
  Instant now;                    // the export time: DTSTAMP, LAST-MODIFIED, SEQUENCE
  std::optional<int> alarm_days;  // a VALARM this many days before each live event
  Uncounted uncounted;            // what has no events: one X-CTI-NOT-COUNTED line per sentence
};

// The whole VCALENDAR: CRLF line endings, lines folded at 75 octets. What the calendar
// could not count is named in the calendar itself (X-CTI-NOT-COUNTED, which calendar
// programs ignore) as well as on stderr.
std::string render_ics(const std::vector<CalendarEvent>& events, const Project& project, const IcsOptions& options);

// RFC 5545 3.3.11 TEXT escaping: backslash, semicolon, comma, newline.
std::string ics_escape(std::string_view text);

// RFC 5545 3.1 folding: a content line (without its CRLF) cut into pieces of at most 75
// octets, never inside a UTF-8 sequence, each piece after the first starting with a space.
// Returns the folded line with CRLF after every piece.
std::string ics_fold(std::string_view line);

// "K-0004-fase2-<hash>@cti": ASCII only, stable for the same case, point and project.
std::string event_uid(std::string_view case_id, std::string_view point, std::string_view project_name);

// --- the export time ---

// SEQUENCE counts minutes from here (2020-01-01T00:00:00Z); it stays below 2^31, the
// limit of an RFC 5545 INTEGER, for some 4000 years.
inline constexpr Instant kSequenceEpoch{std::chrono::sys_days{std::chrono::year{2020} / 1 / 1}};

// Whole minutes from kSequenceEpoch to `now`; 0 before it.
long long ics_sequence(Instant now);

// RFC 5545 UTC DATE-TIME: "20261123T080000Z".
std::string ics_utc(Instant t);

// Strict "YYYY-MM-DDTHH:MM:SSZ" (UTC, as CTI_NOW takes it). Nothing when malformed.
std::optional<Instant> parse_utc(std::string_view text);

// The export time: `given` (CTI_NOW) when set; else noon UTC of a pinned today (--today
// or CTI_TODAY), so files made for a pinned day are reproducible; else the clock.
Instant export_time(std::optional<Instant> given, std::optional<Date> pinned_today, Instant clock);

}  // namespace cti::report
