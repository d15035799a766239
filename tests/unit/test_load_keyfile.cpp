// The CPR key file (load/keyfile, SPEC section 7): reading it without ever echoing a number,
// check_keys(), and the repeated-CPR rule: one CPR on several forløb is a borger who came
// back, an error only when the periods overlap (naming both ids), and only an error when
// one of them is in the report. Made-up CPR numbers (birth dates in the future).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "builders.hpp"
#include "load/keyfile.hpp"

namespace cti::test::load_keyfile {

using namespace cti::privacy;

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

}  // namespace cti::test::load_keyfile
