// The date rules of the recording commands' slips (SPEC 6).
#include "schedule/slips.hpp"

#include "schedule/schedule.hpp"

namespace cti::schedule {

Ahead date_ahead(Date date, Date today) {
  if (date <= today) return Ahead::no;
  return days_between(today, date) > kFutureDaysWarned ? Ahead::refused : Ahead::warned;
}

std::optional<Date> documentation_point_day(const Forloeb& f, DocPoint p) {
  auto plan = plan_of(f);
  if (!plan) return std::nullopt;
  switch (p) {
    case DocPoint::opstart:
      return plan->start;
    case DocPoint::fase2:
      return plan->phase2;
    case DocPoint::fase3:
      return plan->phase3;
    case DocPoint::afslutning:
      if (auto end = f.end_date()) return *end;
      return plan->planned_end;
  }
  return std::nullopt;
}

std::optional<Date> documentation_too_early(const Forloeb& f, DocPoint p, Date date) {
  auto day = documentation_point_day(f, p);
  if (day && days_between(date, *day) > kDocumentationEarlyDays) return day;
  return std::nullopt;
}

std::optional<EarlyCompletion> completion_too_early(const Forloeb& f, Date end) {
  auto plan = plan_of(f);
  if (!plan) return EarlyCompletion{std::nullopt};
  if (end < plan->planned_end) return EarlyCompletion{plan->planned_end};
  return std::nullopt;
}

}  // namespace cti::schedule
