// A regular-expression matcher that takes time linear in the text whatever the pattern
// (a Thompson NFA run as a Pike VM, no backtracking), for cti.yaml `cpr_tilladt` `re:`
// patterns: a pattern with nested quantifiers such as (a+)+b cannot hang validate.
// The syntax is the ECMAScript subset without backreferences and lookaround: literals and
// escapes, ., [classes] with ranges and \d \w \s (and \D \W \S), groups ( ) and (?: ),
// |, the quantifiers * + ? {n} {n,} {n,m} (lazy forms match alike), ^ $ \b \B.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cti::privacy {

class LinearRegex {
 public:
  // The compiled pattern, or the reason it cannot be (an English phrase).
  static LinearRegex compile(std::string_view pattern, std::string* error = nullptr);
  bool ok() const { return !program_.empty(); }

  // Whether some match of the pattern in `text` (UTF-8) starts at or before byte `from`
  // and ends at or after byte `to`. `line_start`/`line_end`: whether the text's ends are
  // the ends of a line, for ^ and $.
  bool covers(std::string_view text, std::size_t from, std::size_t to, bool line_start = true,
              bool line_end = true) const;

  struct Inst {
    enum Op { chr, cls, any, split, jmp, assert_bol, assert_eol, assert_word, assert_not_word, match } op;
    char32_t c = 0;
    int x = 0, y = 0;  // split/jmp targets; cls: index into classes_
    bool negated = false;
  };
  struct Range {
    char32_t lo, hi;
  };

 private:
  std::vector<Inst> program_;
  std::vector<std::vector<Range>> classes_;
  friend struct RegexCompiler;
};

// Code points of UTF-8 text, with the byte offset where each starts (and one past the end).
void decode_utf8(std::string_view text, std::vector<char32_t>& cps, std::vector<std::size_t>& at);

}  // namespace cti::privacy
