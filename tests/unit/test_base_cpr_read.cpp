// Possible CPR numbers as a person reads them (base/cpr_read): every separator and digit
// form SPEC section 8 lists, invisible characters inside, what is not a number, offsets,
// and cpr_digits. Every number here is made up.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/cpr_read.hpp"

namespace cti::test::base_cpr_read {

using privacy::cpr_digits;
using privacy::find_cpr_readable;
using privacy::ReadOptions;

// The numbers found in `text`, as their ten digits.
std::vector<std::string> numbers(const std::string& text, ReadOptions how = {}) {
  std::vector<std::string> out;
  for (const auto& h : find_cpr_readable(text, how)) out.emplace_back(h.number());
  return out;
}

using Strings = std::vector<std::string>;
const Strings kOne{"1506324123"};

TEST_SUITE("cpr read") {
  TEST_CASE("find_cpr_readable: the plain forms") {
    CHECK(numbers("150632-4123") == kOne);
    CHECK(numbers("1506324123") == kOne);
    CHECK(numbers("cpr 150632-4123, ring") == kOne);
    CHECK(numbers("a 150632-4123 b 0102034000") == Strings{"1506324123", "0102034000"});
  }

  TEST_CASE("find_cpr_readable: every separator a person reads between date and serial number") {
    const Strings separators{" ",      "/",
                             "\u00A0",  // no-break space
                             "\u202F",  // narrow no-break space
                             "\u2009",  // thin space
                             "\u3000",  // ideographic space
                             "\u2010",  // hyphen
                             "\u2011",  // non-breaking hyphen
                             "\u2013",  // en dash
                             "\u2014",  // em dash
                             "\u2212",  // minus sign
                             "\u2215",  // division slash
                             "\uFF0D",  // fullwidth hyphen-minus
                             "\uFF0F",  // fullwidth solidus
                             " - ",     // a group of up to three
                             " / "};
    for (const auto& s : separators) {
      CAPTURE(s);
      CHECK(numbers("sag: 150632" + s + "4123.") == kOne);
    }
    CHECK(numbers("150632 -  4123").empty());  // four separators: two numbers, not one
    CHECK(numbers("150632\t4123").empty());    // a tab or line break only across lines
  }

  TEST_CASE("find_cpr_readable: fullwidth digits, alone or mixed with ASCII") {
    CHECK(numbers("\uFF11\uFF15\uFF10\uFF16\uFF13\uFF12-\uFF14\uFF11\uFF12\uFF13") == kOne);
    CHECK(numbers("\uFF11\uFF15\uFF10\uFF16\uFF13\uFF12\uFF0D\uFF14\uFF11\uFF12\uFF13") == kOne);
    CHECK(numbers("15\uFF10\uFF16324123") == kOne);
  }

  TEST_CASE("find_cpr_readable: invisible characters anywhere inside do not hide a number") {
    const Strings invisible{"\u200B", "\u200C", "\u200D", "\u00AD", "\u2060", "\uFEFF"};
    for (const auto& z : invisible) {
      CAPTURE(z);
      CHECK(numbers("15" + z + "06324123") == kOne);
      CHECK(numbers("150632-" + z + "4123") == kOne);
      CHECK(numbers("150632" + z + "-4123") == kOne);
      CHECK(numbers("1" + z + "5" + z + "0632" + z + "4123") == kOne);
    }
  }

  TEST_CASE("find_cpr_readable: what is not a number") {
    CHECK(numbers("15063241231").empty());      // eleven digits
    CHECK(numbers("9150632-4123").empty());     // seven before the separator
    CHECK(numbers("150632-41234").empty());     // five after
    CHECK(numbers("320130-4000").empty());      // no such day
    CHECK(numbers("290200-4000").size() == 1);  // 29 Feb 2000 (serial 4 in the 2000s)
    CHECK(numbers("290200-0000").empty());      // 29 Feb 1900
    CHECK(numbers("150632x4123").empty());      // a letter is no separator
    CHECK(numbers("150632.4123").empty());
    CHECK(numbers("opstart: 2025-02-03").empty());
    CHECK(numbers("150632-").empty());
    CHECK(numbers("").empty());
  }

  TEST_CASE("find_cpr_readable: across_lines joins blanks and line breaks") {
    ReadOptions across;
    across.across_lines = true;
    CHECK(numbers("150632\n  4123", across) == kOne);
    CHECK(numbers("150632\t4123", across) == kOne);
    CHECK(numbers("150632\n  4123").empty());
  }

  TEST_CASE("find_cpr_readable: byte offset and length of the whole number") {
    const std::string fw = "\uFF11\uFF15\uFF10\uFF16\uFF13\uFF12\uFF0D\uFF14\uFF11\uFF12\uFF13";
    auto hits = find_cpr_readable("ab " + fw + " c");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].offset == 3);
    CHECK(hits[0].length == fw.size());
    hits = find_cpr_readable(
        "x 150632\u2013"
        "4123");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].offset == 2);
    CHECK(hits[0].length == 13);
  }

  TEST_CASE("cpr_digits: the digits however they are written") {
    CHECK(cpr_digits("150632-4123") == "1506324123");
    CHECK(cpr_digits("\uFF11\uFF15\uFF10\uFF16\uFF13\uFF12\u2013\uFF14\uFF11\uFF12\uFF13") == "1506324123");
    CHECK(cpr_digits("15\u200B06 32/41\u00AD23") == "1506324123");
    CHECK(cpr_digits("re:abc").empty());
  }
}

}  // namespace cti::test::base_cpr_read
