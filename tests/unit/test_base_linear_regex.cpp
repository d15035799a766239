// The linear-time matcher of cpr_tilladt `re:` patterns (base/linear_regex): the syntax it
// takes, what it refuses with a reason, "covers", and time linear in the text for patterns
// that make a backtracking matcher hang. Every number here is made up.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "base/linear_regex.hpp"

namespace cti::test::base_linear_regex {

using privacy::LinearRegex;

// Whether `pattern` matches somewhere in `text` covering bytes [from, to).
bool covers(const std::string& pattern, const std::string& text, std::size_t from, std::size_t to) {
  std::string error;
  const LinearRegex re = LinearRegex::compile(pattern, &error);
  CAPTURE(error);
  REQUIRE(re.ok());
  return re.covers(text, from, to);
}

// Whether `pattern` covers the first occurrence of `part` in `text`.
bool covers_part(const std::string& pattern, const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  REQUIRE(at != std::string::npos);
  return covers(pattern, text, at, at + part.size());
}

// The reason `pattern` does not compile, or "" when it does.
std::string refusal(const std::string& pattern) {
  std::string error;
  const LinearRegex re = LinearRegex::compile(pattern, &error);
  return re.ok() ? "" : error;
}

TEST_SUITE("linear regex") {
  TEST_CASE("covers: the match must start at or before and end at or after the number") {
    const std::string line = "journal 150632-4123 og mere";
    CHECK(covers_part("journal \\d{6}-\\d{4}", line, "150632-4123"));
    CHECK_FALSE(covers_part("journal \\d{6}", line, "150632-4123"));  // ends inside
    CHECK_FALSE(covers_part("0632-4123", line, "150632-4123"));       // starts inside
    CHECK(covers_part("\\d+-\\d+ og", line, "150632-4123"));
    CHECK_FALSE(covers_part("sag \\d{6}-\\d{4}", line, "150632-4123"));
  }

  TEST_CASE("syntax: classes, groups, alternation, counts, anchors, word boundaries") {
    const std::string line = "ISBN-10: 0306406152";
    const std::string num = "0306406152";
    CHECK(covers_part("ISBN(-10)?:? ?\\d{9}[\\dX]", line, num));
    CHECK(covers_part("^ISBN-10: \\d{10}$", line, num));
    CHECK_FALSE(covers_part("^10: \\d{10}$", line, num));
    CHECK(covers_part("(?:isbn|ISBN)\\W+\\d+\\W+\\d+", line, num));
    CHECK(covers_part("[A-Z]{4}-[0-9]{2,3}: [^a-z]+", line, num));
    CHECK(covers_part("\\bISBN.*?\\d{10}\\b", line, num));
    CHECK_FALSE(covers_part("\\d{11}", line, num));
    CHECK(covers_part("\\s\\S{10}", line, num));
    CHECK(covers_part("\\w+.\\w+.\\s\\d*", line, num));
    CHECK(covers_part("sagsnr\\. \\d{6}-\\d{4}", "sagsnr. 010203-4000", "010203-4000"));
    CHECK(covers_part("nøgle \\d+", "nøgle 0102034000", "0102034000"));  // UTF-8 literals
  }

  TEST_CASE("compile: a pattern it cannot run is refused with the reason") {
    CHECK(refusal("[unclosed") == "a '[' is not closed");
    CHECK(refusal("(a") == "a '(' is not closed");
    CHECK(refusal("a)") == "a ')' has no '('");
    CHECK(refusal("*a") == "a quantifier has nothing to repeat");
    CHECK(refusal("(a)\\1") == "backreferences are not supported");
    CHECK(refusal("(?=a)") == "lookahead, lookbehind and named groups are not supported");
    CHECK(refusal("a{3,2}") == "a count in { } runs backwards");
    CHECK(refusal("a{2000}") == "a count in { } is above 1000");
    CHECK(refusal("[z-a]") == "a range in [ ] runs backwards");
    CHECK(refusal("a\\") == "a pattern may not end with '\\'");
    CHECK_FALSE(refusal("(\\d{1000}){1000}").empty());  // too large once expanded
    CHECK(refusal("a{2,}b{0,3}c?").empty());
  }

  TEST_CASE("covers: nested quantifiers take linear time") {
    const std::string text(200'000, 'a');
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(covers("(a+)+b", text, 0, 10));
    CHECK_FALSE(covers("(a|a)*b", text, 0, 10));
    CHECK_FALSE(covers("(a*)*(a*)*c", text, 0, 10));
    CHECK(covers("(a+)+", text, 0, text.size()));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  }
}

}  // namespace cti::test::base_linear_regex
