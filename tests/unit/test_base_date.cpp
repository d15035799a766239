// Calendar dates and the month arithmetic m(d, n) of SPEC section 3.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "base/date.hpp"
#include "base/lang.hpp"
#include "builders.hpp"

namespace cti::test::base_date {

// m(d, n) as YYYY-MM-DD.
std::string m(const char* d, int n) {
  return format_date(add_months(D(d), n));
}

TEST_SUITE("date") {
  TEST_CASE("parse and format round-trip") {
    CHECK(format_date(D("2025-02-03")) == "2025-02-03");
    CHECK(format_date(D("0999-12-31")) == "0999-12-31");
    CHECK(format_date(D("2024-02-29")) == "2024-02-29");
  }

  TEST_CASE("parse rejects impossible and malformed dates") {
    CHECK_FALSE(parse_date("2025-02-29"));  // not a leap year
    CHECK_FALSE(parse_date("1900-02-29"));  // century, not leap
    CHECK(parse_date("2000-02-29"));        // 400-year rule: leap
    CHECK_FALSE(parse_date("2025-04-31"));
    CHECK_FALSE(parse_date("2025-13-01"));
    CHECK_FALSE(parse_date("2025-00-10"));
    CHECK_FALSE(parse_date("2025-01-00"));
    CHECK_FALSE(parse_date("2025-1-01"));
    CHECK_FALSE(parse_date("2025/01/01"));
    CHECK_FALSE(parse_date("2025-01-01 "));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("２０２５-01-01"));
  }

  TEST_CASE("m(d, n) keeps the day of month") {
    CHECK(m("2025-02-03", 3) == "2025-05-03");
    CHECK(m("2025-02-03", 6) == "2025-08-03");
    CHECK(m("2025-02-03", 8) == "2025-10-03");
    CHECK(m("2025-02-03", 9) == "2025-11-03");
    CHECK(m("2025-02-03", 0) == "2025-02-03");
  }

  TEST_CASE("m(d, n): the 31st into a 30-day month clamps to the 30th") {
    CHECK(m("2025-03-31", 1) == "2025-04-30");
    CHECK(m("2025-05-31", 1) == "2025-06-30");
    CHECK(m("2025-08-31", 1) == "2025-09-30");
    CHECK(m("2025-10-31", 1) == "2025-11-30");
    CHECK(m("2025-01-31", 3) == "2025-04-30");
    CHECK(m("2025-03-31", 6) == "2025-09-30");
  }

  TEST_CASE("m(d, n): into February, leap and non-leap years (SPEC examples)") {
    CHECK(m("2025-01-31", 1) == "2025-02-28");
    CHECK(m("2023-11-30", 3) == "2024-02-29");
    CHECK(m("2024-01-31", 1) == "2024-02-29");
    CHECK(m("2024-01-29", 1) == "2024-02-29");
    CHECK(m("2025-01-29", 1) == "2025-02-28");
    CHECK(m("2099-11-30", 3) == "2100-02-28");  // 2100 is not a leap year
    CHECK(m("1999-11-30", 3) == "2000-02-29");  // 2000 is
    CHECK(m("2024-02-29", 12) == "2025-02-28");
    CHECK(m("2024-02-29", 48) == "2028-02-29");
  }

  TEST_CASE("m(d, n) is computed from d, not chained: clamping does not accumulate") {
    // m(2025-01-31, 1) = 2025-02-28, but m(2025-01-31, 2) is the 31st again.
    CHECK(m("2025-01-31", 2) == "2025-03-31");
    CHECK(format_date(add_months(add_months(D("2025-01-31"), 1), 1)) == "2025-03-28");
  }

  TEST_CASE("m(d, n): year wrap") {
    CHECK(m("2025-11-15", 3) == "2026-02-15");
    CHECK(m("2025-12-31", 1) == "2026-01-31");
    CHECK(m("2025-10-31", 4) == "2026-02-28");
    CHECK(m("2025-06-30", 24) == "2027-06-30");
    CHECK(m("2025-04-30", 9) == "2026-01-30");
  }

  TEST_CASE("m(d, n): negative months") {
    CHECK(m("2025-03-31", -1) == "2025-02-28");
    CHECK(m("2024-03-31", -1) == "2024-02-29");
    CHECK(m("2025-01-15", -1) == "2024-12-15");
    CHECK(m("2025-02-28", -3) == "2024-11-28");
    CHECK(m("2025-05-31", -3) == "2025-02-28");
    CHECK(m("2025-01-31", -13) == "2023-12-31");
    CHECK(m("2025-07-31", -12) == "2024-07-31");
  }

  TEST_CASE("add_days and days_between") {
    CHECK(format_date(add_days(D("2024-02-28"), 1)) == "2024-02-29");
    CHECK(format_date(add_days(D("2025-02-28"), 1)) == "2025-03-01");
    CHECK(format_date(add_days(D("2025-12-31"), 1)) == "2026-01-01");
    CHECK(format_date(add_days(D("2026-01-01"), -1)) == "2025-12-31");
    CHECK(days_between(D("2025-01-01"), D("2025-12-31")) == 364);
    CHECK(days_between(D("2024-01-01"), D("2024-12-31")) == 365);
    CHECK(days_between(D("2025-06-01"), D("2025-05-31")) == -1);
    CHECK(days_between(D("2025-06-01"), D("2025-06-01")) == 0);
  }
}

// The local date at an instant under the POSIX time zone `tz`; TZ is put back after.
std::string local_at(const char* tz, std::time_t instant) {
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  setenv("TZ", tz, 1);
  std::string out = format_date(local_date(instant));
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  return out;
}

// Seconds since the epoch of a UTC date and time.
std::time_t utc(const char* date, int hour, int minute) {
  auto day = std::chrono::sys_days{D(date)};
  return std::chrono::system_clock::to_time_t(day + std::chrono::hours{hour} + std::chrono::minutes{minute});
}

TEST_SUITE("date") {
  TEST_CASE("today is the local calendar date, not the UTC date") {
    // 00:30 local time far east of UTC (UTC+14): the UTC date is still the day before.
    CHECK(local_at("XXX-14", utc("2025-06-01", 10, 30)) == "2025-06-02");
    // 00:30 local time far west (UTC-11) is 11:30 UTC the same day; 23:30 local is
    // already the next day in UTC.
    CHECK(local_at("YYY+11", utc("2025-06-02", 11, 30)) == "2025-06-02");
    CHECK(local_at("YYY+11", utc("2025-06-03", 10, 30)) == "2025-06-02");
    // Denmark in summer (CEST, UTC+2): 00:30 on 1 June is 22:30 UTC on 31 May.
    CHECK(local_at("CET-1CEST,M3.5.0,M10.5.0/3", utc("2025-05-31", 22, 30)) == "2025-06-01");
    CHECK(local_at("CET-1CEST,M3.5.0,M10.5.0/3", utc("2025-01-31", 23, 30)) == "2025-02-01");
    CHECK(local_at("UTC0", utc("2025-05-31", 22, 30)) == "2025-05-31");
  }

  TEST_CASE("years in range") {
    CHECK(year_in_range(D("1900-01-01")));
    CHECK(year_in_range(D("9998-12-31")));
    CHECK_FALSE(year_in_range(D("9999-01-01")));
    CHECK_FALSE(year_in_range(D("1899-12-31")));
    CHECK_FALSE(year_in_range(D("0000-01-01")));
  }

  TEST_CASE("a rightly written date that names no day says why, in both languages") {
    const Lang before = i18n::lang();
    i18n::set_lang(Lang::da);
    CHECK(why_no_such_day("2026-02-30") == "februar 2026 har 28 dage");
    CHECK(why_no_such_day("2028-02-30") == "februar 2028 har 29 dage");
    CHECK(why_no_such_day("2026-04-31") == "april 2026 har 30 dage");
    CHECK(why_no_such_day("2026-13-01") == "et år har 12 måneder");
    CHECK(why_no_such_day("2026-00-10") == "et år har 12 måneder");
    CHECK(why_no_such_day("2026-05-00") == "dagene tælles fra 01");
    CHECK(why_no_such_day("2026-02-28").empty());
    CHECK(why_no_such_day("2026-2-3").empty());
    i18n::set_lang(Lang::en);
    CHECK(why_no_such_day("2027-02-29") == "February 2027 has 28 days");
    CHECK(why_no_such_day("2026-13-01") == "a year has 12 months");
    i18n::set_lang(before);
  }
}

}  // namespace cti::test::base_date
