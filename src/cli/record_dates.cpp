// The date a recording command records, and the slips it never records silently
// (SPEC 6): an empty --date, a date after today. The rule is schedule::date_ahead. The
// dates of `set` (kontakt, indflytning) and `goal --reached` go through it too.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/record.hpp"
#include "schedule/slips.hpp"

namespace cti::cli {

using i18n::tr;

std::string days_text(int days) {
  return fmt::format(fmt::runtime(days == 1 ? tr("{} day", "{} dag") : tr("{} days", "{} dage")), days);
}

std::optional<Date> recording_date(bool given, const std::string& text, std::string_view option, Date today, bool force,
                                   std::vector<std::string>& warnings, bool defaults_to_today) {
  if (!given) return today;
  if (text.empty() && !defaults_to_today) {
    setup_error(fmt::format(fmt::runtime(tr("{} is empty; give a date YYYY-MM-DD; nothing was changed",
                                            "{} er tom; giv en dato ÅÅÅÅ-MM-DD; intet er ændret")),
                            option));
    return std::nullopt;
  }
  if (text.empty()) {
    setup_error(fmt::format(fmt::runtime(tr("{} is empty; give a date YYYY-MM-DD (without {} today is recorded); "
                                            "nothing was changed",
                                            "{} er tom; giv en dato ÅÅÅÅ-MM-DD (uden {} registreres i dag); "
                                            "intet er ændret")),
                            option, option));
    return std::nullopt;
  }
  auto d = parse_date_option(text, option);
  if (!d) return std::nullopt;
  const auto ahead = schedule::date_ahead(*d, today);
  if (ahead == schedule::Ahead::no) return d;
  const std::string when =
      fmt::format(fmt::runtime(tr("{} {} is {} after today ({})", "{} {} ligger {} efter i dag ({})")), option,
                  format_date(*d), days_text(days_between(today, *d)), format_date(today));
  if (ahead == schedule::Ahead::refused && !force) {
    setup_error(fmt::format(fmt::runtime(tr("{}; a date more than {} days ahead is recorded only with --force; "
                                            "nothing was changed",
                                            "{}; en dato mere end {} dage frem registreres kun med --force; "
                                            "intet er ændret")),
                            when, schedule::kFutureDaysWarned));
    return std::nullopt;
  }
  warnings.push_back(when + std::string(tr(": recorded as given", ": registreret som givet")));
  return d;
}

}  // namespace cti::cli
