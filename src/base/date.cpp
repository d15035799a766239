// Calendar dates (date.hpp): strict parsing, formatting, month arithmetic, the local date.
#include "base/date.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"

namespace cti {

namespace {
bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

bool looks_like_date(std::string_view t) {
  return t.size() == 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) && all_digits(t.substr(5, 2)) &&
         all_digits(t.substr(8, 2));
}

std::optional<Date> parse_date(std::string_view t) {
  if (!looks_like_date(t)) return std::nullopt;
  Date d{std::chrono::year{to_int(t.substr(0, 4))}, std::chrono::month{static_cast<unsigned>(to_int(t.substr(5, 2)))},
         std::chrono::day{static_cast<unsigned>(to_int(t.substr(8, 2)))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string why_no_such_day(std::string_view t) {
  if (!looks_like_date(t) || parse_date(t)) return {};
  using i18n::tr;
  const int y = to_int(t.substr(0, 4));
  const unsigned m = static_cast<unsigned>(to_int(t.substr(5, 2)));
  if (m < 1 || m > 12) return std::string(tr("a year has 12 months", "et år har 12 måneder"));
  if (to_int(t.substr(8, 2)) == 0) return std::string(tr("days are counted from 01", "dagene tælles fra 01"));
  static constexpr const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  static constexpr const char* kDa[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                        "juli",   "august",  "september", "oktober", "november", "december"};
  const auto last =
      std::chrono::year_month_day_last{std::chrono::year{y}, std::chrono::month_day_last{std::chrono::month{m}}};
  return fmt::format(fmt::runtime(tr("{} {} has {} days", "{} {} har {} dage")), tr(kEn[m - 1], kDa[m - 1]), y,
                     static_cast<unsigned>(last.day()));
}

std::string format_date(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

Date add_months(Date d, int months) {
  using namespace std::chrono;
  year_month ym = year_month{d.year(), d.month()} + std::chrono::months{months};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return Date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

Date add_days(Date d, int days) {
  return Date{std::chrono::sys_days{d} + std::chrono::days{days}};
}

Date local_date(std::time_t instant) {
  std::tm tm{};
  tzset();  // localtime_r need not read TZ itself
  if (!localtime_r(&instant, &tm))
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::from_time_t(instant))};
  return Date{std::chrono::year{tm.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
              std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
}

int days_between(Date a, Date b) {
  return static_cast<int>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

}  // namespace cti
