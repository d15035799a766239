// The output gate's mask (redact_output) and the bounded "did you mean" (SPEC section 8).
// Every number here is made up.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "base/cpr_scan.hpp"
#include "base/suggest.hpp"

using cti::suggest;
using cti::privacy::redact_output;

TEST_SUITE("output mask") {
  TEST_CASE("masks what redact masks") {
    CHECK(redact_output("K-0001: \"150632-4123\"") == "K-0001: \"XXXXXX-XXXX\"");
    CHECK(redact_output("1506324123.yaml") == "XXXXXX-XXXX.yaml");
    CHECK(redact_output("K-1506324123") == "K-XXXXXX-XXXX");
    CHECK(redact_output("opstart 2025-02-03, K-0001, 12 dage") == "opstart 2025-02-03, K-0001, 12 dage");
    CHECK(redact_output("320130-4000") == "320130-4000");
  }

  TEST_CASE("a CPR number inside a longer run of digits is masked with the run") {
    CHECK(redact_output("915063241237") == "XXXXXX-XXXX");
    CHECK(redact_output("x15063241239 y") == "xXXXXXX-XXXX y");
    CHECK(redact_output("99150632-41231") == "XXXXXX-XXXX");
    CHECK(redact_output("150632-41234") == "XXXXXX-XXXX");
    CHECK(redact_output("12345678901234") == "12345678901234");  // no date in any window
  }

  TEST_CASE("linear in the input") {
    std::string big(2'000'000, '1');
    auto t0 = std::chrono::steady_clock::now();
    redact_output(big);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  }
}

TEST_SUITE("suggest bounds") {
  TEST_CASE("still suggests close words") {
    CHECK(suggest("metet", {"mette", "jonas"}) == std::optional<std::string>("mette"));
    CHECK(!suggest("xyzzy", {"mette", "jonas"}));
  }

  TEST_CASE("an over-long word costs no edit-distance table") {
    std::string w(200'000, 'a');
    std::vector<std::string> cands(50, std::string(200'000, 'b'));
    cands.push_back(std::string(100, 'a'));
    auto t0 = std::chrono::steady_clock::now();
    CHECK(!suggest(w, cands));
    CHECK(!suggest("mette", cands));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
  }
}
