// "Did you mean" (base/suggest): edit distance over code points, the closeness threshold
// and the translated hint.
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "base/lang.hpp"
#include "base/suggest.hpp"

namespace cti::test::base_suggest {

using Maybe = std::optional<std::string>;

// Sets the language for one test and puts the previous one back.
struct SuggestLangScope {
  explicit SuggestLangScope(Lang l) : before(i18n::lang()) { i18n::set_lang(l); }
  ~SuggestLangScope() { i18n::set_lang(before); }
  Lang before;
};

std::string repeat_text(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

TEST_SUITE("suggest") {
  TEST_CASE("edit_distance: the classic cases and the empty string") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("a", "a") == 0);
    CHECK(edit_distance("a", "b") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("sitting", "kitten") == 3);
    CHECK(edit_distance("flaw", "lawn") == 2);
    CHECK(edit_distance("mette", "mette") == 0);
  }

  TEST_CASE("edit_distance counts code points, so æ, ø and å are one edit each") {
    CHECK(edit_distance("a", "å") == 1);
    CHECK(edit_distance("delmalgruppe", "delmålgruppe") == 1);
    CHECK(edit_distance("æøå", "aoa") == 3);
    CHECK(edit_distance("æøå", "") == 3);
    CHECK(edit_distance("økonomi", "okonomi") == 1);
    CHECK(edit_distance("😀", "😁") == 1);  // four-byte sequences
    CHECK(edit_distance("å", "ø") == 1);
  }

  TEST_CASE("edit_distance: broken UTF-8 counts as one code point per lead byte and never reads past the end") {
    CHECK(edit_distance("\xC3", "") == 1);       // a two-byte sequence cut after its lead byte
    CHECK(edit_distance("ab\xC3", "abå") == 1);  // the cut sequence is one wrong code point
    CHECK(edit_distance("\x80\x80", "") == 2);   // stray continuation bytes
    CHECK(edit_distance("\xF0\x9F", "x") == 1);  // a four-byte sequence cut short
  }

  TEST_CASE("suggest: the threshold is max(2, length/3) edits") {
    // Six code points: up to two edits.
    CHECK(suggest("abcdef", {"abcdXY"}) == Maybe("abcdXY"));
    CHECK(!suggest("abcdef", {"abcXYZ"}));
    // Nine: up to three.
    CHECK(suggest("abcdefghi", {"abcdefXYZ"}) == Maybe("abcdefXYZ"));
    CHECK(!suggest("abcdefghi", {"abcdeWXYZ"}));
    // Short words still get two.
    CHECK(suggest("ab", {"xy"}) == Maybe("xy"));
    CHECK(suggest("medarbejdr", {"medarbejder", "delmålgruppe"}) == Maybe("medarbejder"));
    // The threshold is the typed word's length, in code points: "åå" is two, not four.
    CHECK(suggest("åå", {"aa"}) == Maybe("aa"));
  }

  TEST_CASE("suggest: the closest candidate wins, the first of equally close ones") {
    CHECK(suggest("mete", {"jonas", "mere", "mette"}) == Maybe("mere"));
    CHECK(suggest("mete", {"mette", "mere"}) == Maybe("mette"));
    CHECK(suggest("metxe", {"mxtxx", "mette"}) == Maybe("mette"));  // 1 beats 2, whatever the order
    CHECK(suggest("mette", {"mette"}) == Maybe("mette"));           // an exact match is distance 0
  }

  TEST_CASE("suggest: nothing without candidates, and for an empty word only very short ones") {
    CHECK(!suggest("mette", {}));
    CHECK(!suggest("", {}));
    CHECK(!suggest("", {"abc"}));
    CHECK(suggest("", {"ab"}) == Maybe("ab"));  // two edits are always allowed
  }

  TEST_CASE("suggest: a word of 64 code points is still considered, one of 65 is not") {
    const std::string a64 = repeat_text("a", 64), a65 = repeat_text("a", 65);
    CHECK(suggest(a64, {a64.substr(1) + "b"}) == Maybe(a64.substr(1) + "b"));
    CHECK(!suggest(a65, {a65.substr(1) + "b"}));
    // Counted in code points: 64 'æ' are 128 bytes and still a word.
    const std::string ae64 = repeat_text("æ", 64);
    CHECK(suggest(ae64, {repeat_text("æ", 63) + "ø"}) == Maybe(repeat_text("æ", 63) + "ø"));
    CHECK(!suggest(repeat_text("æ", 65), {repeat_text("æ", 64) + "ø"}));
  }

  TEST_CASE("did_you_mean: the hint in English and in Danish, or nothing") {
    {
      SuggestLangScope en(Lang::en);
      CHECK(did_you_mean("delmalgruppe", {"id", "delmålgruppe"}) == " (did you mean 'delmålgruppe'?)");
      CHECK(did_you_mean("xyzzy", {"id", "delmålgruppe"}).empty());
      CHECK(did_you_mean("id", {}).empty());
    }
    {
      SuggestLangScope da(Lang::da);
      CHECK(did_you_mean("delmalgruppe", {"id", "delmålgruppe"}) == " (mente du 'delmålgruppe'?)");
      CHECK(did_you_mean("xyzzy", {"id", "delmålgruppe"}).empty());
    }
  }
}

TEST_SUITE("suggest bounds") {
  TEST_CASE("still suggests close words") {
    CHECK(suggest("metet", {"mette", "jonas"}) == std::optional<std::string>("mette"));
    CHECK(!suggest("xyzzy", {"mette", "jonas"}));
  }

  TEST_CASE("an over-long word costs no edit-distance table") {
    std::string w(200'000, 'a');
    std::vector<std::string> cands(50, std::string(200'000, 'b'));
    cands.push_back(std::string(100, 'a'));
    auto t0 = std::chrono::steady_clock::now();
    CHECK(!suggest(w, cands));
    CHECK(!suggest("mette", cands));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
  }
}

}  // namespace cti::test::base_suggest
