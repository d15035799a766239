// CPR numbers (SPEC section 7, base/cpr): validation with the CPR office's century table,
// and the type that cannot be printed by accident. Every number here is made up; most
// have birth years after today, so no one has them.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/cpr.hpp"

namespace cti::test::base_cpr {

using privacy::Cpr;
using privacy::cpr_birth_year;

// A CPR number cannot be formatted, streamed or converted to text by accident:
// reveal_for_report() is the only way to get its digits.
template <class T>
concept Streamable = requires(std::ostream& os, const T& v) {
  os << v;
};
static_assert(!fmt::is_formattable<Cpr>::value, "Cpr must not be formattable with fmt");
static_assert(!fmt::is_formattable<Cpr, wchar_t>::value, "Cpr must not be formattable with fmt");
static_assert(!Streamable<Cpr>, "Cpr must not have an operator<<");
static_assert(!std::is_convertible_v<Cpr, std::string>);
static_assert(!std::is_convertible_v<Cpr, std::string_view>);
static_assert(!std::is_convertible_v<Cpr, const char*>);
static_assert(!std::is_default_constructible_v<Cpr>, "only parse() makes a Cpr");
static_assert(!std::is_constructible_v<Cpr, std::string>);

// The birth date as YYYY-MM-DD, or "invalid".
std::string born(std::string_view text) {
  auto c = Cpr::parse(text);
  return c ? format_date(c->birth_date()) : "invalid";
}

// The old modulus 11 check (weights 4 3 2 7 6 5 4 3 2 1), which cti must NOT apply.
bool passes_modulus_11(std::string_view ten_digits) {
  static const int w[] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += (ten_digits[i] - '0') * w[i];
  return sum % 11 == 0;
}

TEST_SUITE("cpr") {
  TEST_CASE("century table: 7th digit 0-3 always gives 19YY") {
    for (int d7 = 0; d7 <= 3; ++d7) {
      CHECK(cpr_birth_year(0, d7) == 1900);
      CHECK(cpr_birth_year(36, d7) == 1936);
      CHECK(cpr_birth_year(57, d7) == 1957);
      CHECK(cpr_birth_year(99, d7) == 1999);
    }
    CHECK(born("010100-0000") == "1900-01-01");
    CHECK(born("311299-3999") == "1999-12-31");
    CHECK(born("150536-2000") == "1936-05-15");
  }

  TEST_CASE("century table: 7th digit 4 and 9 give 20YY for YY 00-36, else 19YY") {
    for (int d7 : {4, 9}) {
      CHECK(cpr_birth_year(0, d7) == 2000);
      CHECK(cpr_birth_year(36, d7) == 2036);
      CHECK(cpr_birth_year(37, d7) == 1937);
      CHECK(cpr_birth_year(99, d7) == 1999);
    }
    CHECK(born("010100-4000") == "2000-01-01");
    CHECK(born("311236-4000") == "2036-12-31");
    CHECK(born("010137-4000") == "1937-01-01");
    CHECK(born("010136-9000") == "2036-01-01");
    CHECK(born("010137-9000") == "1937-01-01");
    CHECK(born("311299-9000") == "1999-12-31");
  }

  TEST_CASE("century table: 7th digit 5-8 give 20YY for YY 00-57, else 18YY") {
    for (int d7 = 5; d7 <= 8; ++d7) {
      CHECK(cpr_birth_year(0, d7) == 2000);
      CHECK(cpr_birth_year(57, d7) == 2057);
      CHECK(cpr_birth_year(58, d7) == 1858);
      CHECK(cpr_birth_year(99, d7) == 1899);
    }
    CHECK(born("010157-5000") == "2057-01-01");
    CHECK(born("010158-5000") == "1858-01-01");
    CHECK(born("010140-6000") == "2040-01-01");
    CHECK(born("010199-7000") == "1899-01-01");
    CHECK(born("010130-8000") == "2030-01-01");
  }

  TEST_CASE("29 February follows the century the 7th digit gives") {
    CHECK(born("290200-4000") == "2000-02-29");  // 2000 is a leap year
    CHECK(born("290200-9000") == "2000-02-29");
    CHECK(born("290200-5000") == "2000-02-29");
    CHECK(born("290200-0000") == "invalid");  // 1900 is not
    CHECK(born("290200-3000") == "invalid");
    CHECK(born("290258-5000") == "invalid");  // 1858
    CHECK(born("290296-0000") == "1996-02-29");
    CHECK(born("290296-6000") == "1896-02-29");
    CHECK(born("290232-4000") == "2032-02-29");
    CHECK(born("290237-4000") == "invalid");  // 1937
    CHECK(born("290233-4000") == "invalid");  // 2033
    CHECK(born("2902004000") == "2000-02-29");
    CHECK(born("2902000000") == "invalid");
  }

  TEST_CASE("invalid dates are rejected") {
    CHECK(born("000130-4000") == "invalid");  // day 0
    CHECK(born("320130-4000") == "invalid");  // day 32
    CHECK(born("310430-4000") == "invalid");  // 31 April
    CHECK(born("010030-4000") == "invalid");  // month 0
    CHECK(born("011330-4000") == "invalid");  // month 13
    CHECK(born("300230-4000") == "invalid");  // 30 February
    CHECK(born("999999-9999") == "invalid");
    CHECK(born("301130-4000") == "2030-11-30");
  }

  TEST_CASE("with and without the dash; nothing else") {
    CHECK(born("150632-4123") == "2032-06-15");
    CHECK(born("1506324123") == "2032-06-15");
    CHECK(*Cpr::parse("150632-4123") == *Cpr::parse("1506324123"));
    CHECK(Cpr::parse("1506324123")->reveal_for_report() == "150632-4123");
    CHECK(Cpr::parse("150632-4123")->reveal_for_report() == "150632-4123");
    for (const char* bad :
         {"", "150632", "150632-412", "150632-41234", "15063241234", "150632 4123", "150632--4123", "1506-324123",
          "15063-24123", "150632/4123", "15O632-4123", " 150632-4123", "150632-4123 ", "150632-412a", "+150632412"})
      CHECK_MESSAGE(!Cpr::parse(bad), bad);
  }

  TEST_CASE("modulus 11 is not required (valid numbers without it exist since 2007)") {
    CHECK(passes_modulus_11("1506324123") == false);
    CHECK(Cpr::parse("150632-4123"));
    // A number that does pass modulus 11 is accepted as well.
    CHECK(passes_modulus_11("0101304000"));
    CHECK(Cpr::parse("010130-4000"));
    int accepted = 0;
    for (int serial = 4000; serial < 4100; ++serial)
      accepted += Cpr::parse(fmt::format("010130-{}", serial)).has_value();
    CHECK(accepted == 100);
  }

  TEST_CASE("ordering and equality compare the digits") {
    CHECK(*Cpr::parse("010130-4000") < *Cpr::parse("010130-4001"));
    CHECK(!(*Cpr::parse("010130-4000") == *Cpr::parse("010130-4001")));
  }
}

}  // namespace cti::test::base_cpr
