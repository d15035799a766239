// [cpr-leak] (load/cpr_leak): possible CPR numbers in a file's name, its raw bytes and its
// parsed YAML values, UTF-16 decoding, the allowlist and the comment that clear a false
// positive, and the cap on findings. Every number here is made up; none is ever echoed.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/cpr_leak.hpp"

namespace cti::test::load_cpr_leak {

// The cpr-leak diagnostics of scanning `bytes` as `path`, as rule@line:col; fails when a
// message holds a digit run that could be the number.
std::vector<std::string> leaks(const std::string& bytes, const std::string& path = "forloeb/K-0001.yaml",
                               const CprAllowlist& allow = {}) {
  i18n::set_lang(Lang::en);
  Diagnostics ds;
  scan_for_cpr(SourceFile{path, bytes}, ds, allow);
  for (const auto& d : ds) {
    CHECK(d.rule == "cpr-leak");
    CHECK(d.message.find("4123") == std::string::npos);
  }
  return rules_at(ds);
}

// An allowlist as cti.yaml's cpr_tilladt would give it.
CprAllowlist allow_list(const std::vector<std::string>& entries) {
  Project p;
  for (const auto& e : entries) p.cpr_allowed.push_back(Field<std::string>{e, {}, true});
  return make_allowlist(p);
}

// Text as UTF-16, little- or big-endian, with or without a byte-order mark.
std::string utf16_text(const std::string& ascii, bool little, bool mark) {
  std::string out;
  if (mark) out += little ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    if (little) {
      out += c;
      out += '\0';
    } else {
      out += '\0';
      out += c;
    }
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_SUITE("cpr leak") {
  TEST_CASE("scan_for_cpr: each possible number at its line and byte column, both forms") {
    CHECK(leaks("id: K-0001\nnoter: ring 150632-4123\n").size() == 1);
    CHECK(leaks("id: K-0001\nnoter: ring 150632-4123\n") == Strings{"cpr-leak@2:13"});
    CHECK(leaks("a: æø 1506324123 og 290200-4000\n") == Strings{"cpr-leak@1:9", "cpr-leak@1:23"});
    CHECK(leaks("").empty());
    CHECK(leaks("1").empty());
    CHECK(leaks("opstart: 2025-02-03\ntlf: 12345678\njournal: 320130-4000\n").empty());
  }

  TEST_CASE("scan_for_cpr: a number in the file name is reported once, at 1:1") {
    CHECK(leaks("id: x\n", "forloeb/150632-4123.yaml") == Strings{"cpr-leak@1:1"});
    CHECK(leaks("id: x\n", "forloeb/afsluttede/1506324123.yaml") == Strings{"cpr-leak@1:1"});
    CHECK(leaks("id: x\n", "forloeb/K-0001.yaml").empty());
  }

  TEST_CASE("scan_for_cpr: '# cti: ikke-cpr' clears its own line only") {
    CHECK(leaks("a: 150632-4123 # cti: ikke-cpr\nb: 150632-4123\n") == Strings{"cpr-leak@2:4"});
    CHECK(leaks("a: 150632-4123 #cti: ikke-cpr\n").empty());
    CHECK(leaks("a: 150632-4123 #\tcti: ikke-cpr og mere\n").empty());
    CHECK(leaks("a: 150632-4123 # se cti: ikke-cpr\n") == Strings{"cpr-leak@1:4"});  // words between
    CHECK(leaks("a: 150632-4123 cti: ikke-cpr\n") == Strings{"cpr-leak@1:4"});       // no '#'
    CHECK(leaks("# cti: ikke-cpr\na: 150632-4123\n") == Strings{"cpr-leak@2:4"});    // the line above
  }

  TEST_CASE("make_allowlist: exact numbers with or without the dash, and re: patterns covering the number") {
    const CprAllowlist allow = allow_list({"150632-4123", "re:journal \\d{6}-\\d{4}", "re:([", "2902004000"});
    CHECK(allow.exact == Strings{"150632-4123", "2902004000"});
    CHECK(allow.patterns.size() == 1);  // the broken pattern is project_loader's to report
    CHECK(leaks("a: 150632-4123\nb: 1506324123\nc: 290200-4000\n", "x.yaml", allow).empty());
    CHECK(leaks("a: journal 010203-4000\nb: sag 010203-4000\n", "x.yaml", allow) == Strings{"cpr-leak@2:8"});
    // The pattern must cover the whole number, not a part of it.
    const CprAllowlist part = allow_list({"re:0102"});
    CHECK(leaks("a: 010203-4000\n", "x.yaml", part) == Strings{"cpr-leak@1:4"});
  }

  TEST_CASE("scan_for_cpr: a number made by YAML escapes in a parsed value, once") {
    // "\x32" is '2': the bytes show no number, the value does.
    CHECK(leaks("id: K-0001\nnoter: \"15063\\x324123\"\n") == Strings{"cpr-leak@2:8"});
    // A backslash at the end of a line joins the digits.
    CHECK(leaks("noter: \"150632-\\\n  4123\"\n") == Strings{"cpr-leak@1:8"});
    // Shown by the bytes already: one finding, not two.
    CHECK(leaks("noter: \"150632-4123 \\t\"\n") == Strings{"cpr-leak@1:9"});
    // Not YAML: only the bytes count.
    CHECK(leaks("noter: \"15063\\x324123\"\n", "docs/noter.txt").empty());
    CHECK(leaks("noter: \"15063\\x324123\"\n", "andet.yml") == Strings{"cpr-leak@1:8"});
    // The comment clears an escaped one too.
    CHECK(leaks("noter: \"15063\\x324123\" # cti: ikke-cpr\n").empty());
  }

  TEST_CASE("scan_for_cpr: UTF-16 text, with or without a byte-order mark, is decoded first") {
    const std::string text = "id: K-0001\nnoter: 150632-4123\n";
    for (bool little : {true, false})
      for (bool mark : {true, false})
        CHECK(leaks(utf16_text(text, little, mark), "noter.txt") == Strings{"cpr-leak@2:8"});
    CHECK(leaks(utf16_text("id: K-0001\n", true, true), "noter.txt").empty());
  }

  TEST_CASE("decode_utf16: byte-order marks, the NUL pattern, surrogates, and what is not UTF-16") {
    CHECK(decode_utf16(std::string("\xFF\xFE"
                                   "a\0\xE6\0",
                                   6)) == std::optional<std::string>("aæ"));
    CHECK(decode_utf16(std::string("\xFE\xFF\0a\0\xE6", 6)) == std::optional<std::string>("aæ"));
    CHECK(decode_utf16(std::string("a\0b\0", 4)) == std::optional<std::string>("ab"));
    CHECK(decode_utf16(std::string("\0a\0b", 4)) == std::optional<std::string>("ab"));
    // U+1F600 as a surrogate pair, and an unpaired high surrogate.
    CHECK(decode_utf16(std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6)) == std::optional<std::string>("😀"));
    CHECK(decode_utf16(std::string("\xFF\xFE\x3D\xD8"
                                   "a\0",
                                   6)) == std::optional<std::string>("\xEF\xBF\xBD"
                                                                     "a"));
    CHECK(decode_utf16(std::string("\xFF\xFE", 2)) == std::optional<std::string>(""));
    CHECK(decode_utf16(std::string("\xFF\xFE"
                                   "a\0b",
                                   5)) == std::optional<std::string>("a"));  // odd byte dropped
    CHECK_FALSE(decode_utf16(""));
    CHECK_FALSE(decode_utf16("a"));
    CHECK_FALSE(decode_utf16(std::string("a\0", 2)));  // too short to tell
    CHECK_FALSE(decode_utf16("plain UTF-8 text, æøå"));
    CHECK_FALSE(decode_utf16(std::string("ab\0\0", 4)));
  }

  TEST_CASE("scan_for_cpr: after 50 findings in a file, one more diagnostic counts the rest") {
    std::string bytes;
    for (int i = 0; i < 60; ++i) bytes += "- 150632-4123\n";
    const Strings found = leaks(bytes, "noter.txt");
    REQUIRE(found.size() == kMaxCprReports + 1);
    CHECK(found[0] == "cpr-leak@1:3");
    CHECK(found[49] == "cpr-leak@50:3");
    CHECK(found[50] == "cpr-leak@1:1");
    Diagnostics ds;
    scan_for_cpr(SourceFile{"noter.txt", bytes}, ds);
    CHECK(ds.back().message == "10 more possible CPR numbers in this file (not listed)");
  }

  TEST_CASE("scan_for_cpr: linear in the file size, however many numbers and patterns") {
    std::string bytes;
    while (bytes.size() < 500'000) bytes += "journal 150632-4123 og 1506324123\n";
    const CprAllowlist allow = allow_list({"re:journal \\d{6}-\\d{4}", "re:og \\d{10}"});
    const auto t0 = std::chrono::steady_clock::now();
    Diagnostics ds;
    scan_for_cpr(SourceFile{"noter.txt", bytes}, ds, allow);
    CHECK(ds.empty());
    scan_for_cpr(SourceFile{"noter.txt", bytes}, ds);
    CHECK(ds.size() == kMaxCprReports + 1);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  }
}

}  // namespace cti::test::load_cpr_leak
