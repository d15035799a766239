// The CSV writer (base/csv): the Danish Excel dialect, quoting, formula neutralisation.
#include <doctest/doctest.h>

#include <limits>

#include "base/csv.hpp"

namespace cti::test::base_csv {

TEST_SUITE("csv") {
  TEST_CASE("a field is quoted only when it needs it") {
    CHECK(csv::field("egen-kommune") == "egen-kommune");
    CHECK(csv::field("økonomi") == "økonomi");
    CHECK(csv::field("") == "");
    CHECK(csv::field("a;b") == "\"a;b\"");
    CHECK(csv::field("a,b") == "a,b");  // ',' is not the separator
    CHECK(csv::field("sagt \"ja\"") == "\"sagt \"\"ja\"\"\"");
    CHECK(csv::field("a\nb") == "\"a\nb\"");
    CHECK(csv::field("a\r\nb") == "\"a\r\nb\"");
    CHECK(csv::field(" lead") == "\" lead\"");
    CHECK(csv::field("trail ") == "\"trail \"");
  }

  TEST_CASE("a text a spreadsheet would read as a formula gets a leading apostrophe") {
    CHECK(csv::field("=1+1") == "'=1+1");
    CHECK(csv::field("+45 12") == "'+45 12");
    CHECK(csv::field("-x") == "'-x");
    CHECK(csv::field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv::field("\tx") == "'\tx");
    CHECK(csv::field("=HYPERLINK(\"a;b\")") == "\"'=HYPERLINK(\"\"a;b\"\")\"");
    // Numbers stay numbers.
    CHECK(csv::field("-35") == "-35");
    CHECK(csv::field("+2") == "+2");
    CHECK(csv::field("-0,5") == "-0,5");
    CHECK(csv::field("-") == "-");
    CHECK(csv::field("-1,") == "'-1,");
    // Not at the start: nothing to do.
    CHECK(csv::field("K-0001") == "K-0001");
    CHECK(csv::field("2026-11-23") == "2026-11-23");
  }

  TEST_CASE("a line: ';' between fields, CRLF at the end; a document starts with the BOM") {
    CHECK(csv::line({"a", "b;c", ""}) == "a;\"b;c\";\r\n");
    CHECK(csv::document({"id", "fase"}, {{"K-1", "fase2"}, {"K-2", "-x"}}) ==
          "\xEF\xBB\xBFid;fase\r\nK-1;fase2\r\nK-2;'-x\r\n");
    CHECK(csv::document({"id"}, {}) == "\xEF\xBB\xBFid\r\n");
  }

  TEST_CASE("numbers with a decimal comma") {
    CHECK(csv::decimal(0.75) == "0,75");
    CHECK(csv::decimal(3.0) == "3");
    CHECK(csv::decimal(2.5) == "2,5");
    CHECK(csv::decimal(-1.25) == "-1,25");
    CHECK(csv::decimal(-0.001) == "0");
    CHECK(csv::decimal(12.345, 1) == "12,3");
    CHECK(csv::decimal(std::numeric_limits<double>::infinity()) == "");
  }
}

}  // namespace cti::test::base_csv
