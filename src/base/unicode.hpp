// Unicode normalisation of user text (SPEC 2: keys and values are compared after NFC,
// so a decomposed `å`, as macOS editors may save it, is the same word as `å`).
#pragma once

#include <string>
#include <string_view>

namespace cti {

// Appends code point `c` to `out` as UTF-8.
void append_utf8(char32_t c, std::string& out);

// The NFC form of UTF-8 `text` for Latin script: every letter of U+00C0-U+024F and
// U+1E00-U+1EFF written as a base letter and combining marks (U+0300-U+036F: ring,
// diaeresis, acute, ...) is composed, marks in canonical order, and the singletons
// Å (U+212B ANGSTROM SIGN), K (U+212A KELVIN SIGN) and Ω (U+2126 OHM SIGN) become the
// letters they are. Other scripts, and any text that is not valid UTF-8, are returned
// unchanged. Text without a combining mark or a singleton is returned as it is, fast.
std::string nfc(std::string_view text);

// Whether nfc(text) == text, without building it.
bool is_nfc(std::string_view text);

}  // namespace cti
