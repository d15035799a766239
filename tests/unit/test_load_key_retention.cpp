// [cpr-retention] (SPEC section 2): the quarter arithmetic at each boundary (the last day
// of quarter end + N is quiet, the first day of the next flags) and the warning itself,
// which names the id and the quarter, never the number. Made-up CPR numbers only.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/key_retention.hpp"

namespace cti::test::load_key_retention {

using namespace cti::privacy;

// The retention warnings on `today` for K-0003 (ended `end`) and K-0004 (still running).
Diagnostics run(const char* end, int keep, const char* today, std::set<std::string> skip = {}) {
  i18n::set_lang(Lang::en);
  KeyFile k = parse_key_file("K-0003: \"150632-4123\"\nK-0004: \"010130-4000\"\n", "cpr.yaml");
  std::map<std::string, KeyPeriod> known;
  known["K-0003"] = KeyPeriod{D("2024-01-05"), D(end)};
  known["K-0004"] = KeyPeriod{D("2024-01-05"), std::nullopt};  // still running: never flagged
  Diagnostics out;
  check_retention(k, known, keep, D(today), skip, out);
  return out;
}

TEST_CASE("quarter arithmetic") {
  CHECK(quarter_name(D("2025-05-10")) == "2025-Q2");
  CHECK(quarter_name(D("2025-12-31")) == "2025-Q4");
  CHECK(quarter_start_after(D("2025-05-10"), 0) == D("2025-04-01"));
  CHECK(quarter_start_after(D("2025-11-30"), 1) == D("2026-01-01"));
  CHECK(quarter_start_after(D("2025-01-01"), 8) == D("2027-01-01"));
  // N = 1: ended in Q2, kept through Q3, flagged from Q4's first day.
  CHECK(retention_due_from(D("2025-05-10"), 1) == D("2025-10-01"));
  CHECK(retention_due_from(D("2025-06-30"), 1) == D("2025-10-01"));
  CHECK(retention_due_from(D("2025-07-01"), 1) == D("2026-01-01"));
  // N = 0: flagged from the quarter after the end quarter; across a year end.
  CHECK(retention_due_from(D("2025-12-31"), 0) == D("2026-01-01"));
  CHECK(retention_due_from(D("2025-10-01"), 2) == D("2026-07-01"));
  CHECK(retention_due_from(D("2025-02-01"), 40000) > D("9999-12-31"));
}

TEST_CASE("cpr-retention at the boundaries") {
  SUBCASE("N = 1: the last day of quarter end + 1 is quiet, the next day flags") {
    CHECK(run("2025-05-10", 1, "2025-09-30").empty());
    auto ds = run("2025-05-10", 1, "2025-10-01");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "cpr-retention");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].file == "cpr.yaml");
    CHECK(ds[0].pos.line == 1);
    CHECK(ds[0].message == "K-0003 ended in 2025-Q2; its key line can be deleted (cpr_opbevaring_kvartaler: 1)");
    CHECK(ds[0].message.find("4123") == std::string::npos);
  }
  SUBCASE("N = 0: the end quarter's last day is quiet, the next quarter flags") {
    CHECK(run("2025-12-01", 0, "2025-12-31").empty());
    CHECK(run("2025-12-01", 0, "2026-01-01").size() == 1);
  }
  SUBCASE("N = 3 across a year") {
    CHECK(run("2025-08-15", 3, "2026-06-30").empty());
    CHECK(run("2025-08-15", 3, "2026-07-01").size() == 1);
  }
  SUBCASE("an id the report being written needs is left alone") {
    CHECK(run("2025-05-10", 1, "2026-01-01", {"K-0003"}).empty());
  }
  SUBCASE("Danish") {
    i18n::set_lang(Lang::da);
    KeyFile k = parse_key_file("K-0003: \"150632-4123\"\n", "cpr.yaml");
    Diagnostics out;
    check_retention(k, {{"K-0003", KeyPeriod{D("2024-01-05"), D("2025-05-10")}}}, 1, D("2026-01-01"), {}, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].message ==
          "K-0003 sluttede i 2025-Q2; dets linje i nøglefilen kan slettes (cpr_opbevaring_kvartaler: 1)");
    i18n::set_lang(Lang::en);
  }
}

}  // namespace cti::test::load_key_retention
