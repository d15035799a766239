// yaml-cpp's syntax errors in plain words (tr), and the slips that cause them most often.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/source.hpp"

namespace cti {

// yaml-cpp's message ("illegal map value") as a plain sentence in the user's language,
// prefixed "YAML syntax error: ".
std::string plain_yaml_message(std::string_view parser_message);

// A line at or before `line` (1-based) written "key:value" with no space after the colon
// (`opstart:2026-03-20`), the nearest one first: its position and the key.
struct ColonSlip {
  Pos at;
  std::string key;
};
std::optional<ColonSlip> missing_space_after_colon(const std::string& bytes, int line);

// Hints that fit the slip, each "" when it does not fit:
// "03-02-2025" (or 3.2.2025, 3/2/2025, day first as Danes write it) -> "; write 2025-02-03".
std::string date_hint(std::string_view value);
// "Ja", "Ikke relevant", "ikke-relevant" where `right` is "ja" or "ikke relevant" -> " (write 'ja')".
std::string spelling_hint(std::string_view value, std::string_view right);
// "1,0" where a number belongs -> " (use a point: 1.0)".
std::string decimal_comma_hint(std::string_view value);

}  // namespace cti
