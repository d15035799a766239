// The repeated-CPR rule of SPEC section 7: one CPR on several forløb is a borger who came
// back, an error only when the periods overlap (naming both ids), and only an error when
// one of them is in the report. Made-up CPR numbers (birth dates in the future).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "base/lang.hpp"
#include "load/keyfile.hpp"

using namespace cti;
using namespace cti::privacy;

namespace {

Date D(const char* s) {
  return *parse_date(s);
}

KeyPeriod P(const char* first, const char* last = nullptr) {
  KeyPeriod p;
  p.first = D(first);
  if (last) p.last = D(last);
  return p;
}

const char* kKeys =
    "K-0001: \"150632-4123\"\n"
    "K-0002: \"010130-4000\"\n"
    "K-0005: \"1506324123\"\n";  // K-0001's number again, without the dash

Diagnostics check(const std::map<std::string, KeyPeriod>& known, std::vector<std::string> needed) {
  i18n::set_lang(Lang::en);
  Diagnostics out;
  check_keys(parse_key_file(kKeys, "cpr.yaml"), needed, known, out);
  return out;
}

}  // namespace

TEST_CASE("overlap(): both ends inclusive, an open end runs on") {
  CHECK_FALSE(overlap(P("2025-01-01", "2025-06-30"), P("2025-07-01")));
  CHECK(overlap(P("2025-01-01", "2025-07-01"), P("2025-07-01")));  // the same day
  CHECK(overlap(P("2025-07-01"), P("2025-01-01", "2025-07-01")));
  CHECK(overlap(P("2025-01-01"), P("2026-01-01")));  // both running
  CHECK_FALSE(overlap(P("2026-01-01", "2026-02-01"), P("2025-01-01", "2025-12-31")));
  CHECK_FALSE(overlap(KeyPeriod{}, P("2025-01-01")));  // no dates: nothing to compare
}

TEST_CASE("a borger who came back after the first forløb ended: no diagnostic") {
  auto out =
      check({{"K-0001", P("2024-01-08", "2024-10-08")}, {"K-0002", P("2025-01-01")}, {"K-0005", P("2025-02-03")}},
            {"K-0002", "K-0005"});
  CHECK(out.empty());
}

TEST_CASE("overlapping periods: an error naming both ids, never the number") {
  auto out =
      check({{"K-0001", P("2024-01-08", "2025-03-01")}, {"K-0002", P("2025-01-01")}, {"K-0005", P("2025-02-03")}},
            {"K-0001", "K-0005"});
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "cpr-overlap");
  CHECK(out[0].severity == Severity::error);
  CHECK(out[0].pos.line == 3);  // at the later entry
  CHECK(out[0].message ==
        "K-0001 and K-0005 have the same CPR number and their periods overlap (K-0001 2024-01-08 to 2025-03-01; "
        "K-0005 from 2025-02-03); a borger who comes back gets a new forløb after the first has ended");
  CHECK(out[0].message.find("150632") == std::string::npos);
}

TEST_CASE("overlapping forløb outside the report: a warning; one of them in it: an error") {
  std::map<std::string, KeyPeriod> known = {{"K-0001", P("2024-01-08", "2024-12-01")},
                                            {"K-0002", P("2025-01-01")},
                                            {"K-0005", P("2024-11-01", "2024-12-31")}};
  auto out = check(known, {"K-0002"});
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Severity::warning);
  out = check(known, {"K-0001"});
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Severity::error);
}

TEST_CASE("a key entry for an id without a forløb is a warning") {
  auto out = check({{"K-0001", P("2024-01-08", "2024-10-08")}, {"K-0005", P("2025-02-03")}}, {"K-0005"});
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "cpr-unknown-id");
  CHECK(out[0].severity == Severity::warning);
  CHECK(out[0].message.find("K-0002") != std::string::npos);
}
