// The method's figures of `cti fidelity` on hand-counted data: contacts per week per
// phase, the 1:2:3 ratio against 4:2:1, home/community share, time-limited.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "report/fidelity.hpp"

namespace cti::test::report_fidelity_method {

using namespace cti::report;

// opstart 2025-01-01: fase1 01-01..03-31 (90 days), fase2 04-01..06-30 (91), fase3
// 07-01..10-01 (93); gennemført 2025-10-01 = m(opstart, 9).
Forloeb make() {
  return Case("K-1").worker("w").start("2025-01-01").contact_log().end("2025-10-01", EndStatus::completed);
}

TEST_CASE("4:2:1 by hand: 18 contacts in 90 days, 9 in 91, 4 in 93") {
  Forloeb f = make();
  for (int i = 0; i < 18; ++i)
    contact_entry(f, add_days(D("2025-01-02"), 5 * i), i % 2 ? "hjemme" : "kontor");                // to 03-27
  for (int i = 0; i < 9; ++i) contact_entry(f, add_days(D("2025-04-02"), 10 * i), "lokalsamfund");  // to 06-21
  for (int i = 0; i < 4; ++i) contact_entry(f, add_days(D("2025-07-02"), 23 * i), "telefon");       // to 09-10
  contact_entry(f, D("2025-02-01"), "hjemme", "aflyst");
  Fidelity r = fidelity_of(f, {}, std::nullopt, D("2026-01-01"), false);
  CHECK(r.contacts[0].num == 18);
  CHECK(r.contacts[0].den == 90);
  CHECK(r.contacts[1].num == 9);
  CHECK(r.contacts[1].den == 91);
  CHECK(r.contacts[2].num == 4);
  CHECK(r.contacts[2].den == 93);
  CHECK(*r.per_week(1) == doctest::Approx(1.4));  // 7 x 18 / 90
  CHECK(*r.per_week(3) == doctest::Approx(7.0 * 4 / 93));
  auto ratio = r.intensity();
  REQUIRE(ratio);
  CHECK((*ratio)[0] == doctest::Approx((18.0 / 90) / (4.0 / 93)));  // 4.65
  CHECK((*ratio)[1] == doctest::Approx((9.0 / 91) / (4.0 / 93)));   // 2.30
  CHECK(r.home_or_community.num == 9 + 9);                          // every other fase1 contact at home, all of fase2
  CHECK(r.home_or_community.den == 31);
  CHECK(r.time_limited.num == 1);
  CHECK(r.with_contact_log == 1);
}

TEST_CASE("a period cuts the phase days; no log leaves the forløb out") {
  Forloeb f = make();
  contact_entry(f, D("2025-03-20"), "hjemme");
  contact_entry(f, D("2025-04-10"), "hjemme");
  Fidelity r = fidelity_of(f, {}, D("2025-03-15"), D("2025-04-14"), false);
  CHECK(r.contacts[0].den == 17);  // 03-15..03-31
  CHECK(r.contacts[0].num == 1);
  CHECK(r.contacts[1].den == 14);  // 04-01..04-14
  CHECK(r.contacts[1].num == 1);
  CHECK(r.contacts[2].den == 0);
  CHECK_FALSE(r.intensity());
  f.has_contact_log = false;
  r = fidelity_of(f, {}, std::nullopt, D("2026-01-01"), false);
  CHECK(r.without_contact_log == 1);
  CHECK(r.contacts[0].den == 0);
}

TEST_CASE("time-limited: gennemført more than 14 days early, or any end more than 14 days late") {
  Forloeb f = make();
  f.ending->date.set(D("2025-09-17"), {});  // m9 - 14: still on time
  CHECK(fidelity_of(f, {}, std::nullopt, D("2026-01-01"), false).time_limited.num == 1);
  f.ending->date.set(D("2025-09-16"), {});
  CHECK(fidelity_of(f, {}, std::nullopt, D("2026-01-01"), false).time_limited.num == 0);
  f.ending->status.set(EndStatus::interrupted, {});
  CHECK(fidelity_of(f, {}, std::nullopt, D("2026-01-01"), false).time_limited.num == 1);
  f.ending->date.set(D("2025-10-16"), {});  // m9 + 15
  CHECK(fidelity_of(f, {}, std::nullopt, D("2026-01-01"), false).time_limited.num == 0);
}

}  // namespace cti::test::report_fidelity_method
