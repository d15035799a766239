// The CPR scanner (base/cpr_scan): the candidates it finds, redact(), and the output
// gate's mask (redact_output); and the bounded "did you mean" (SPEC section 8). Every
// number here is made up.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "base/cpr_scan.hpp"

namespace cti::test::base_cpr_scan {

using privacy::find_cpr_candidates;
using privacy::redact;
using privacy::redact_output;

TEST_SUITE("cpr scan") {
  TEST_CASE("find_cpr_candidates: both forms, offsets and lengths") {
    auto hits = find_cpr_candidates("a 150632-4123 b 1506324123 c");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].offset == 2);
    CHECK(hits[0].length == 11);
    CHECK(hits[1].offset == 16);
    CHECK(hits[1].length == 10);
  }

  TEST_CASE("find_cpr_candidates: digits must not run on, the date must be real") {
    CHECK(find_cpr_candidates("15063241231").empty());          // 11 digits
    CHECK(find_cpr_candidates("9150632-4123").empty());         // 7 digits before the dash
    CHECK(find_cpr_candidates("150632-41234").empty());         // 5 digits after
    CHECK(find_cpr_candidates("320130-4000").empty());          // no such date
    CHECK(find_cpr_candidates("290200-0000").empty());          // 29 Feb 1900
    CHECK(find_cpr_candidates("opstart: 2025-02-03").empty());  // ISO dates are not CPR numbers
    CHECK(find_cpr_candidates("tlf. 12345678").empty());
    CHECK(find_cpr_candidates("").empty());
    CHECK(find_cpr_candidates("x1506324123y").size() == 1);  // letters around are fine
    CHECK(find_cpr_candidates("\"150632-4123\"").size() == 1);
    CHECK(find_cpr_candidates("150632-").empty());
    CHECK(find_cpr_candidates("150632-41").empty());
  }

  TEST_CASE("redact replaces every candidate and nothing else") {
    CHECK(redact("K-0001: \"150632-4123\"") == "K-0001: \"XXXXXX-XXXX\"");
    CHECK(redact("1506324123 og 290200-4000.") == "XXXXXX-XXXX og XXXXXX-XXXX.");
    CHECK(redact("opstart 2025-02-03, K-0001") == "opstart 2025-02-03, K-0001");
    CHECK(redact("320130-4000") == "320130-4000");
    CHECK(redact("") == "");
  }
}

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

  TEST_CASE("next_output_mask names the spans redact_output replaces") {
    const std::string_view t = "a 150632-4123 b 99150632-41231 c 2025-02-03";
    std::size_t end = 0;
    std::size_t at = privacy::next_output_mask(t, 0, end);
    REQUIRE(at == 2);
    CHECK(t.substr(at, end - at) == "150632-4123");
    at = privacy::next_output_mask(t, end, end);
    REQUIRE(at == 16);
    CHECK(t.substr(at, end - at) == "99150632-41231");
    CHECK(privacy::next_output_mask(t, end, end) == std::string_view::npos);
    CHECK(privacy::next_output_mask("", 0, end) == std::string_view::npos);
    CHECK(privacy::next_output_mask("K-0001 12 dage", 0, end) == std::string_view::npos);
    // The pieces, joined, are redact_output(): the unmasked runs and a mask per span.
    std::vector<std::string> pieces;
    privacy::for_each_output_piece(t, [&](std::string_view p) { pieces.emplace_back(p); });
    CHECK(pieces == std::vector<std::string>{"a ", "XXXXXX-XXXX", " b ", "XXXXXX-XXXX", " c 2025-02-03"});
    std::string joined;
    for (const auto& p : pieces) joined += p;
    CHECK(joined == redact_output(t));
    pieces.clear();
    privacy::for_each_output_piece("", [&](std::string_view p) { pieces.emplace_back(p); });
    CHECK(pieces.empty());
  }

  TEST_CASE("linear in the input") {
    std::string big(2'000'000, '1');
    auto t0 = std::chrono::steady_clock::now();
    redact_output(big);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  }
}

}  // namespace cti::test::base_cpr_scan
