// What the recording commands never record silently (SPEC 6, the paragraph on slips): a
// date ahead of today, a documentation form long before its point, a gennemført before
// the planned end day. Pure date rules; the commands word the warning or the refusal.
#pragma once

#include <optional>

#include "base/checklist.hpp"
#include "base/date.hpp"
#include "base/forloeb.hpp"

namespace cti::schedule {

// A date up to this many days after today is recorded with a warning; later, only with --force.
inline constexpr int kFutureDaysWarned = 7;
// A documentation form recorded more than this many days before its point needs --force.
inline constexpr int kDocumentationEarlyDays = 14;

enum class Ahead { no, warned, refused };
// How a date to record stands to today: not after it, after it (warned), or more than
// kFutureDaysWarned days after it (refused without --force).
Ahead date_ahead(Date date, Date today);

// The day the documentation form of `p` belongs to: opstart, m(opstart, 3), m(opstart, 6),
// and for afslutning the recorded end date, else the planned end m(opstart, 9). Nothing
// without opstart (no point has a date yet).
std::optional<Date> documentation_point_day(const Forloeb& f, DocPoint p);

// The point's day when a form recorded on `date` lies more than kDocumentationEarlyDays
// days before it (a slip: the form of the wrong point, or the wrong forløb); else nothing.
std::optional<Date> documentation_too_early(const Forloeb& f, DocPoint p, Date date);

// A gennemført ending on `end` before the planned end day m(opstart, 9): the forløb did
// not run its nine months. `planned_end` is nothing when no opstart is recorded at all.
struct EarlyCompletion {
  std::optional<Date> planned_end;
};
std::optional<EarlyCompletion> completion_too_early(const Forloeb& f, Date end);

}  // namespace cti::schedule
