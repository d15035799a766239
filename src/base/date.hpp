// Calendar dates: parsing, formatting and the month arithmetic of the CTI schedule.
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace cti {

using Date = std::chrono::year_month_day;

// Strict ISO 8601 calendar date "YYYY-MM-DD" that exists in the calendar.
std::optional<Date> parse_date(std::string_view text);

// True when text has the shape YYYY-MM-DD (whether or not the date exists).
bool looks_like_date(std::string_view text);

// Why text, shaped YYYY-MM-DD, names no day, in the output language: "februar 2026 har 28 dage",
// "et år har 12 måneder"; empty when text is a real day or not shaped as a date.
std::string why_no_such_day(std::string_view text);

std::string format_date(Date d);

// m(d, n): add n calendar months, keeping the day of month and clamping to the
// last day of the target month (2025-01-31 + 1 = 2025-02-28).
Date add_months(Date d, int months);

Date add_days(Date d, int days);

// The calendar date at `instant` where the user is: local time, honouring TZ (as
// `date +%F` does), not the UTC date; the UTC date if the local time cannot be had.
Date local_date(std::time_t instant);

// The years a date may have in cti (SPEC section 5): 1900 to 9998, so that every date
// and every date computed from it (a planned end, a due date) prints as YYYY-MM-DD.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 9998;
inline bool year_in_range(Date d) {
  return static_cast<int>(d.year()) >= kFirstYear && static_cast<int>(d.year()) <= kLastYear;
}

// Days from a to b (positive when b is later).
int days_between(Date a, Date b);

}  // namespace cti
