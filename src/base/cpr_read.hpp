// Possible CPR numbers as a person reads them (SPEC section 8): not only DDMMYY-SSSS and
// DDMMYYSSSS, but also with another separator between the date and the serial number
// (space, slash, no-break space, en dash, minus sign, ...), in fullwidth digits, and with
// invisible characters (zero-width space, soft hyphen, ...) anywhere inside.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cti::privacy {

struct ReadHit {
  std::size_t offset;  // byte offset of the first digit
  std::size_t length;  // bytes up to and including the last digit
  std::array<char, 10> digits;
  std::string_view number() const { return {digits.data(), digits.size()}; }
};

struct ReadOptions {
  // Also join digits across line breaks and any run of blanks (spaces, tabs, CR, LF):
  // a hint that a YAML scalar folded over lines may hold a number (load/cpr_leak).
  bool across_lines = false;
};

// Every possible CPR number in UTF-8 text, in order, in one pass: ten digits with nothing
// but invisible characters between them, or six and four digits with a group of one to
// three separators between them; not adjacent to further digits; the first six digits a
// real date (century per the seventh). ASCII and fullwidth digits count alike.
std::vector<ReadHit> find_cpr_readable(std::string_view text, ReadOptions how = {});

// The digits of `text` (ASCII or fullwidth) once separators and invisible characters are
// dropped; used to compare an allowlist entry with a number however either is written.
std::string cpr_digits(std::string_view text);

}  // namespace cti::privacy
