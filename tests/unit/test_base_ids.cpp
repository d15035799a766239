// Case ids as numbers (base/ids): the trailing number, the next free id, and what a
// user types to name an id (TypedIds), which the agenda writes into every command.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/ids.hpp"

namespace cti::test::base_ids {

TEST_SUITE("base/ids") {
  TEST_CASE("trailing_number drops leading zeros and needs digits at the end") {
    CHECK(trailing_number("K-0007") == "7");
    CHECK(trailing_number("K-MH-007") == "7");
    CHECK(trailing_number("K-0000") == "0");
    CHECK(trailing_number("K-") == "");
  }

  TEST_CASE("next_free_id keeps the widest width in use") {
    CHECK(next_free_id({"K-0007", "K-0012", "X-9"}, "K-", 4) == "K-0013");
    CHECK(next_free_id({}, "K-", 4) == "K-0001");
    CHECK(next_free_id({"K-00099"}, "K-", 4) == "K-00100");
  }

  TEST_CASE("an id is typed as its number when no other id ends with it") {
    const std::vector<std::string> ids{"K-0007", "K-0012", "K-MH-012", "K-0012", "NOTE"};
    const TypedIds typed(ids);
    CHECK(typed.typed("K-0007") == "7");
    CHECK(typed.typed("K-0012") == "K-0012");  // K-MH-012 ends with 12 too
    CHECK(typed.typed("K-MH-012") == "K-MH-012");
    CHECK(typed.typed("NOTE") == "NOTE");  // no number to type
  }

  TEST_CASE("the same id twice (two files) still types as its number") {
    const std::vector<std::string> ids{"K-0003", "K-0003"};
    CHECK(TypedIds(ids).typed("K-0003") == "3");
  }

  TEST_CASE("an id not among them is typed as its number unless another has it") {
    const std::vector<std::string> ids{"K-0005"};
    const TypedIds typed(ids);
    CHECK(typed.typed("K-0009") == "9");
    CHECK(typed.typed("K-MH-005") == "K-MH-005");
  }

  TEST_CASE("fifty thousand ids are typed in one pass") {
    std::vector<std::string> ids;
    for (int i = 1; i <= 50000; ++i) ids.push_back("K-" + std::to_string(100000 + i));
    const TypedIds typed(ids);
    std::size_t as_numbers = 0;
    for (const auto& id : ids) as_numbers += typed.typed(id) == id.substr(2);
    CHECK(as_numbers == ids.size());
  }
}

}  // namespace cti::test::base_ids
