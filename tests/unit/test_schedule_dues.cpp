// schedule/dues: the obligations without their texts come in exactly the order of a
// stable sort by due date (the insertion sort keeps equal dates in checklist order), and
// the status board's state of each is that of the obligation.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/checklist.hpp"
#include "builders.hpp"
#include "schedule/dues.hpp"

namespace cti::test::schedule_dues {

using namespace cti::schedule;

TEST_CASE("dues: a stable sort by due date, item for item the obligations, the same states") {
  ObligationSettings s;
  s.contact_log = ContactLimits{7, 14, 28};
  s.today = D("2025-06-10");
  s.documentation_grace_days = 5;
  const Forloeb cases[] = {
      Case("K-1").contact("2025-01-10").start("2025-02-03").done("kontaktaftale", "2025-02-01").contact_log(),
      Case("K-2").contact("2025-01-10").start("2025-02-03").end("2025-04-01", EndStatus::completed),
      Case("K-3").contact("2025-01-10").start("2025-02-03").end("2025-07-01", EndStatus::interrupted),
      Case("K-4").contact("2025-05-10"),
  };
  for (const auto& f : cases) {
    const auto ds = dues(f, builtin_checklist(), s);
    const auto os = obligations(f, builtin_checklist(), s);
    REQUIRE(ds.size() == os.size());
    CHECK(!ds.empty());
    auto expected = ds;
    std::stable_sort(expected.begin(), expected.end(), [](const Due& a, const Due& b) { return a.due < b.due; });
    for (std::size_t i = 0; i < ds.size(); ++i) {
      CHECK(ds[i].id == expected[i].id);
      CHECK(ds[i].id == os[i].id);
      CHECK(ds[i].point == os[i].point);
      CHECK(ds[i].due == os[i].due);
      CHECK(ds[i].kind == os[i].kind);
      CHECK(state_on(ds[i], *s.today, 14) == state_on(os[i], *s.today, 14));
    }
  }
}

}  // namespace cti::test::schedule_dues
