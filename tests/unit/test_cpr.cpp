// CPR numbers (SPEC section 7): validation with the CPR office's century table, the
// type that cannot be printed by accident, the scanner/redactor and the key file.
// Every number here is made up; most have birth years after today, so no one has them.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <concepts>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/cpr.hpp"
#include "base/cpr_scan.hpp"
#include "load/keyfile.hpp"

using cti::Date;
using cti::format_date;
using cti::privacy::Cpr;
using cti::privacy::cpr_birth_year;
using cti::privacy::find_cpr_candidates;
using cti::privacy::KeyPeriod;
using cti::privacy::redact;

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

namespace {

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

}  // namespace

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

TEST_SUITE("cpr key file") {
  using cti::privacy::check_keys;
  using cti::privacy::parse_key_file;

  // No diagnostic ever holds the digits of a CPR number (any six-digit date part).
  void no_cpr_in(const cti::Diagnostics& ds) {
    for (const auto& d : ds) {
      CHECK_MESSAGE(find_cpr_candidates(d.message).empty(), d.rule);
      for (const char* part : {"150632", "4123", "010130", "290233", "4000", "5000"})
        CHECK_MESSAGE(d.message.find(part) == std::string::npos, d.rule);
    }
  }

  TEST_CASE("a valid key file, both forms, quoted or not") {
    auto k = parse_key_file("K-0001: \"150632-4123\"\nK-0002: 0101304000\n", "cpr.yaml");
    CHECK(k.diagnostics.empty());
    REQUIRE(k.by_id.size() == 2);
    CHECK(k.by_id.at("K-0001").cpr.reveal_for_report() == "150632-4123");
    CHECK(k.by_id.at("K-0002").cpr.reveal_for_report() == "010130-4000");  // leading zero kept
    CHECK(k.by_id.at("K-0002").pos.line == 2);
    CHECK(parse_key_file("", "cpr.yaml").diagnostics.empty());
    CHECK(parse_key_file("# only a comment\n", "cpr.yaml").by_id.empty());
  }

  TEST_CASE("an invalid CPR names the case id and the line, never the number") {
    auto k = parse_key_file("K-0001: \"290233-4000\"\nK-0002: \"150632-412\"\n", "cpr.yaml");
    REQUIRE(k.diagnostics.size() == 2);
    CHECK(k.diagnostics[0].rule == "cpr-invalid");
    CHECK(k.diagnostics[0].pos.line == 1);
    CHECK(k.diagnostics[0].file == "cpr.yaml");
    CHECK(k.diagnostics[0].message.find("K-0001") != std::string::npos);
    CHECK(k.diagnostics[1].pos.line == 2);
    CHECK(k.diagnostics[1].message.find("K-0002") != std::string::npos);
    CHECK(k.rejected.count("K-0001"));
    no_cpr_in(k.diagnostics);
  }

  TEST_CASE("two ids with the same CPR are read (a borger who came back); the same id twice is not") {
    auto k = parse_key_file("K-0001: \"150632-4123\"\nK-0002: \"1506324123\"\nK-0001: \"010130-4000\"\n", "cpr.yaml");
    REQUIRE(k.diagnostics.size() == 1);
    CHECK(k.by_id.size() == 2);
    CHECK(k.diagnostics[0].rule == "cpr-duplicate-id");
    CHECK(k.diagnostics[0].pos.line == 3);
    CHECK(k.diagnostic_ids[0] == "K-0001");
    no_cpr_in(k.diagnostics);
  }

  TEST_CASE("syntax errors and wrong shapes do not echo the content") {
    auto k = parse_key_file("K-0001: \"150632-4123\nK-0002: \"\\u0101304000\"\n", "cpr.yaml");
    REQUIRE(k.diagnostics.size() == 1);
    CHECK(k.diagnostics[0].rule == "cpr-syntax");
    no_cpr_in(k.diagnostics);
    auto esc = parse_key_file("K-0001: \"\\q150632-4123\"\n", "cpr.yaml");  // "unknown escape character: q"
    REQUIRE(esc.diagnostics.size() == 1);
    CHECK(esc.diagnostics[0].rule == "cpr-syntax");
    no_cpr_in(esc.diagnostics);
    auto uni = parse_key_file("K-0001: \"\\U15063241\"\n", "cpr.yaml");  // "invalid unicode: ..."
    REQUIRE(uni.diagnostics.size() == 1);
    CHECK(uni.diagnostics[0].rule == "cpr-syntax");
    CHECK(uni.diagnostics[0].message.find("invalid unicode") != std::string::npos);
    CHECK(uni.diagnostics[0].message.find("352727617") == std::string::npos);  // yaml-cpp appends 0x15063241
    auto list = parse_key_file("- 150632-4123\n", "cpr.yaml");
    REQUIRE(list.diagnostics.size() == 1);
    CHECK(list.diagnostics[0].rule == "cpr-format");
    auto val = parse_key_file("K-0001: [150632-4123, 010130-4000]\n", "cpr.yaml");
    REQUIRE(val.diagnostics.size() == 1);
    CHECK(val.diagnostics[0].rule == "cpr-format");
    no_cpr_in(val.diagnostics);
    // Columns swapped: the "id" is a CPR number, and is redacted in the message.
    auto swapped = parse_key_file("150632-4123: K-0001\n", "cpr.yaml");
    REQUIRE(swapped.diagnostics.size() == 1);
    no_cpr_in(swapped.diagnostics);
  }

  TEST_CASE("check_keys: a reported forløb without a CPR, a key for no forløb") {
    auto k = parse_key_file("K-0001: \"150632-4123\"\nK-0099: \"010130-4000\"\nK-0003: \"320130-4000\"\n", "cpr.yaml");
    std::map<std::string, KeyPeriod> known = {{"K-0001", {}}, {"K-0002", {}}, {"K-0003", {}}};
    cti::Diagnostics out;
    check_keys(k, {"K-0001", "K-0002", "K-0003"}, known, out);
    REQUIRE(out.size() == 3);
    CHECK(out[0].rule == "cpr-invalid");  // K-0003, from the key file itself
    CHECK(out[0].severity == cti::Severity::error);
    CHECK(out[1].rule == "cpr-missing");  // K-0003 is already diagnosed as cpr-invalid
    CHECK(out[1].message.find("K-0002") != std::string::npos);
    CHECK(out[1].pos.line == 0);
    CHECK(out[2].rule == "cpr-unknown-id");
    CHECK(out[2].severity == cti::Severity::warning);
    CHECK(out[2].message.find("K-0099") != std::string::npos);
    CHECK(out[2].pos.line == 2);
    no_cpr_in(out);
    // K-0003 not in the report: its invalid number is a warning.
    cti::Diagnostics later;
    check_keys(k, {"K-0001"}, known, later);
    CHECK(later[0].rule == "cpr-invalid");
    CHECK(later[0].severity == cti::Severity::warning);
  }
}
