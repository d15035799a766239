// NFC for Latin script (base/unicode): the letters Danish text needs, canonical order of
// marks, the singletons, and text left as it is (ASCII, other scripts, invalid UTF-8).
#include <doctest/doctest.h>

#include "base/unicode.hpp"

namespace cti::test::base_unicode {

TEST_SUITE("unicode") {
  TEST_CASE("a decomposed letter is the composed one") {
    CHECK(nfc("a\u030A") == "\u00E5");  // å
    CHECK(nfc("A\u030A") == "\u00C5");  // Å
    CHECK(nfc("e\u0301") == "\u00E9");  // é
    CHECK(nfc("u\u0308") == "\u00FC");  // ü
    CHECK(nfc("o\u0308") == "\u00F6");  // ö
    CHECK(nfc("a\u0308") == "\u00E4");  // ä
    CHECK(nfc("O\u0308") == "\u00D6");  // Ö
    CHECK(nfc("E\u0301") == "\u00C9");  // É
    CHECK(nfc("delma\u030Algruppe") == "delm\u00E5lgruppe");
    CHECK(nfc("fokusomra\u030Ader") == "fokusomr\u00E5der");
    CHECK(nfc("\u00F8") == "\u00F8");  // ø has no decomposition (the stroke is not a combining mark)
    CHECK(nfc("\u00E6") == "\u00E6");
  }

  TEST_CASE("several marks: canonical order, then composed as far as they go") {
    CHECK(nfc("a\u0323\u0302") == "\u1EAD");        // ậ
    CHECK(nfc("a\u0302\u0323") == "\u1EAD");        // the same marks in the other order
    CHECK(nfc("\u00E2\u0323") == "\u1EAD");         // a composed letter and one more mark
    CHECK(nfc("u\u0308\u0304") == "\u01D6");        // ǖ: ü, then the macron
    CHECK(nfc("a\u030A\u030A") == "\u00E5\u030A");  // a second ring stays a mark
    CHECK(nfc("\u030Aa") == "\u030Aa");             // a mark with no letter before it
  }

  TEST_CASE("singletons") {
    CHECK(nfc("\u212Bngstr\u00F6m") == "\u00C5ngstr\u00F6m");
    CHECK(nfc("\u212A") == "K");
  }

  TEST_CASE("text that is NFC, or not UTF-8, is returned as it is") {
    for (const char* s : {"", "K-0001", "egen-kommune", "m\u00E5l", "\u00C5rsv\u00E6rk", "\u0430", "\xFF\xCC\x8A",
                          "a\xCC", "\xC1\x81\xCC\x8A"})
      CHECK(nfc(s) == s);
    CHECK(is_nfc("m\u00E5l"));
    CHECK_FALSE(is_nfc("ma\u030Al"));
  }
}

}  // namespace cti::test::base_unicode
