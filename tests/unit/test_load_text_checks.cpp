// Checks on a file's raw bytes before parsing (load/text_checks): size, NUL and UTF-8,
// merge-conflict markers (after a BOM, before a CR), tabs in indentation, and byte
// positions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/text_checks.hpp"

namespace cti::test::load_text_checks {

// check_text's verdict and diagnostics (rule@line:col) on these bytes.
struct TextVerdict {
  bool parseable;
  std::vector<std::string> rules;
};
TextVerdict text_verdict(const std::string& bytes) {
  i18n::set_lang(Lang::en);
  Diagnostics ds;
  const bool ok = check_text(SourceFile{"forloeb/K-0001.yaml", bytes}, ds);
  return {ok, rules_at(ds)};
}

std::string at_text(Pos p) {
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

using Strings = std::vector<std::string>;

TEST_SUITE("text checks") {
  TEST_CASE("check_text passes empty, one-byte, æøå, emoji, BOM and CRLF text") {
    for (std::string ok : {"", "a", "\n", "id: K-0001\nnoter: æøå ÆØÅ\n", "noter: 😀\n", "\xEF\xBB\xBFid: x\r\n",
                           "max: \xF4\x8F\xBF\xBF\n", "noter: a\tb\n"}) {
      TextVerdict v = text_verdict(ok);
      CHECK(v.parseable);
      CHECK(v.rules.empty());
    }
  }

  TEST_CASE("check_text: the size limit is a mebibyte, and a file past it is not parsed") {
    CHECK(text_verdict(std::string(kMaxFileBytes, 'a')).parseable);
    TextVerdict big = text_verdict(std::string(kMaxFileBytes + 1, 'a'));
    CHECK_FALSE(big.parseable);
    CHECK(big.rules == Strings{"file-too-large@1:1"});
  }

  TEST_CASE("check_text: a NUL byte is binary, at its line and byte column") {
    CHECK(text_verdict(std::string("\0", 1)).rules == Strings{"encoding@1:1"});
    TextVerdict v = text_verdict(std::string("id: K-0001\nnoter: æ") + '\0');
    CHECK_FALSE(v.parseable);
    CHECK(v.rules == Strings{"encoding@2:10"});
  }

  TEST_CASE("check_text: broken, overlong, surrogate and out-of-range UTF-8 at the first bad byte") {
    struct Bad {
      std::string bytes;
      const char* at;
    };
    for (const Bad& b : std::vector<Bad>{
             {"\xFF", "encoding@1:1"},                // never valid
             {"ab\x80", "encoding@1:3"},              // a lone continuation byte
             {"noter: \xC3", "encoding@1:8"},         // cut at the end of the file
             {"noter: \xC3(\n", "encoding@1:8"},      // cut by an ASCII byte
             {"a\nb\xC0\x80", "encoding@2:2"},        // overlong NUL
             {"\xC1\xBF", "encoding@1:1"},            // overlong ASCII
             {"\xE0\x80\xAF", "encoding@1:1"},        // overlong three-byte form
             {"\xED\xA0\x80", "encoding@1:1"},        // a UTF-16 surrogate
             {"\xF0\x80\x80\xAF", "encoding@1:1"},    // overlong four-byte form
             {"\xF4\x90\x80\x80", "encoding@1:1"},    // above U+10FFFF
             {"\xF5\x80\x80\x80", "encoding@1:1"},    // no such lead byte
             {"æøå \xE6\xF8\xE5\n", "encoding@1:8"},  // Latin-1 æøå after UTF-8 ones
             {"\xEF\xBB\xBF\xFF", "encoding@1:4"},    // after a BOM, counted in bytes
         }) {
      TextVerdict v = text_verdict(b.bytes);
      CHECK_FALSE(v.parseable);
      CHECK(v.rules == Strings{b.at});
    }
  }

  TEST_CASE("check_text: merge-conflict markers on their own line, after a BOM, before a CR") {
    TextVerdict v = text_verdict("<<<<<<< HEAD\nid: a\n|||||||\n=======\r\nid: b\n>>>>>>> branch\n");
    CHECK_FALSE(v.parseable);
    CHECK(v.rules == Strings{"merge-conflict@1:1", "merge-conflict@3:1", "merge-conflict@4:1", "merge-conflict@6:1"});
    CHECK(text_verdict("\xEF\xBB\xBF<<<<<<< HEAD\n").rules == Strings{"merge-conflict@1:1"});
    CHECK(text_verdict("id: a\n=======").rules == Strings{"merge-conflict@2:1"});  // no final newline
  }

  TEST_CASE("check_text: text that only looks like a marker is no conflict") {
    for (const char* ok : {"========\n", "<<<<<<<HEAD\n", "  =======\n", "noter: <<<<<<< x\n", "<<<<<<\n",
                           "# =======\n", "=======x\n"}) {
      TextVerdict v = text_verdict(ok);
      CHECK(v.parseable);
      CHECK(v.rules.empty());
    }
    // A BOM counts only at the start of the file.
    CHECK(text_verdict("a\n\xEF\xBB\xBF=======\n").rules.empty());
  }

  TEST_CASE("indent_tab: a tab among the leading blanks of that line only") {
    const std::string bytes = "a:\n\tb: 1\n  \tc: 2\nd:\te\n";
    CHECK(indent_tab(bytes, 2).has_value());
    CHECK(indent_tab(bytes, 2)->line == 2);
    CHECK(indent_tab(bytes, 2)->col == 1);
    CHECK(indent_tab(bytes, 3)->col == 3);
    CHECK_FALSE(indent_tab(bytes, 1));
    CHECK_FALSE(indent_tab(bytes, 4));  // a tab after text
    CHECK_FALSE(indent_tab(bytes, 5));  // the empty line after the last newline
    CHECK_FALSE(indent_tab(bytes, 99));
    CHECK_FALSE(indent_tab("", 1));
    CHECK(indent_tab("\t", 1)->col == 1);
  }

  TEST_CASE("pos_at: line and byte column of an offset") {
    const std::string s = "æb\nc\n\nd";
    CHECK(at_text(pos_at(s, 0)) == "1:1");
    CHECK(at_text(pos_at(s, 2)) == "1:3");  // 'b', after the two bytes of æ
    CHECK(at_text(pos_at(s, 3)) == "1:4");  // the newline itself
    CHECK(at_text(pos_at(s, 4)) == "2:1");
    CHECK(at_text(pos_at(s, 6)) == "3:1");
    CHECK(at_text(pos_at(s, 7)) == "4:1");
    CHECK(at_text(pos_at(s, 1000)) == "4:2");  // past the end: the end
    CHECK(at_text(pos_at("", 5)) == "1:1");
  }

  TEST_CASE("file_stem: the name without folders and without .yaml") {
    CHECK(file_stem("forloeb/K-0001.yaml") == "K-0001");
    CHECK(file_stem("forloeb/afsluttede/K-0002.yaml") == "K-0002");
    CHECK(file_stem("K-0003.yaml") == "K-0003");
    CHECK(file_stem("forloeb/K-0004.yml") == "K-0004.yml");
    CHECK(file_stem("forloeb/.yaml") == ".yaml");
    CHECK(file_stem("forloeb/Ærø.yaml") == "Ærø");
    CHECK(file_stem("") == "");
  }
}

}  // namespace cti::test::load_text_checks
