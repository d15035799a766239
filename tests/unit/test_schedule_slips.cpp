// The date rules of the recording commands' slips (schedule/slips, SPEC 6): how far
// ahead a date may be, a documentation form long before its point, gennemført early.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "schedule/slips.hpp"

namespace cti::test::schedule_slips {

using namespace cti::schedule;

TEST_CASE("a date after today is warned, more than 7 days after it refused") {
  const Date today = D("2026-11-30");
  CHECK(date_ahead(D("2026-11-29"), today) == Ahead::no);
  CHECK(date_ahead(today, today) == Ahead::no);
  CHECK(date_ahead(D("2026-12-01"), today) == Ahead::warned);
  CHECK(date_ahead(D("2026-12-07"), today) == Ahead::warned);  // 7 days: still only warned
  CHECK(date_ahead(D("2026-12-08"), today) == Ahead::refused);
  CHECK(date_ahead(D("2027-12-31"), D("2027-12-24")) == Ahead::warned);  // over a year's end
  CHECK(date_ahead(D("2028-01-01"), D("2027-12-24")) == Ahead::refused);
}

TEST_CASE("a documentation form more than 14 days before its point") {
  Forloeb f = Case("K-1").contact("2025-10-15").start("2025-11-30");  // m(.,3) 2026-02-28, m(.,6) 2026-05-30
  CHECK(documentation_point_day(f, DocPoint::opstart) == D("2025-11-30"));
  CHECK(documentation_point_day(f, DocPoint::fase2) == D("2026-02-28"));  // clamped month end
  CHECK(documentation_point_day(f, DocPoint::fase3) == D("2026-05-30"));
  CHECK(documentation_point_day(f, DocPoint::afslutning) == D("2026-08-30"));
  CHECK_FALSE(documentation_too_early(f, DocPoint::fase2, D("2026-02-14")));  // 14 days early: fine
  CHECK(documentation_too_early(f, DocPoint::fase2, D("2026-02-13")) == D("2026-02-28"));
  CHECK_FALSE(documentation_too_early(f, DocPoint::fase2, D("2026-06-01")));  // late is never a slip
  CHECK(documentation_too_early(f, DocPoint::afslutning, D("2026-05-01")) == D("2026-08-30"));
  // An early end moves the afslutning form's point to the end date.
  end(f, "2026-04-01", EndStatus::interrupted);
  CHECK_FALSE(documentation_too_early(f, DocPoint::afslutning, D("2026-04-01")));
  // Without opstart no point has a day: nothing to compare with.
  Forloeb contact_only = Case("K-2").contact("2025-10-15");
  CHECK_FALSE(documentation_point_day(contact_only, DocPoint::opstart));
  CHECK_FALSE(documentation_too_early(contact_only, DocPoint::fase3, D("2025-10-16")));
}

TEST_CASE("gennemført before the planned end day") {
  Forloeb f = Case("K-1").start("2025-05-31");  // planned end m(., 9) = 2026-02-28
  auto early = completion_too_early(f, D("2026-02-27"));
  REQUIRE(early);
  CHECK(early->planned_end == D("2026-02-28"));
  CHECK_FALSE(completion_too_early(f, D("2026-02-28")));  // the planned end day itself
  CHECK_FALSE(completion_too_early(f, D("2026-03-15")));
  auto never_started = completion_too_early(Case("K-2").contact("2025-05-01"), D("2026-03-15"));
  REQUIRE(never_started);
  CHECK_FALSE(never_started->planned_end);
}

}  // namespace cti::test::schedule_slips
