// [cpr-leak]: possible CPR numbers in a file's name, raw bytes and parsed YAML values,
// with the allowlist that clears a false positive (SPEC section 8).
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "base/project.hpp"
#include "base/source.hpp"
#include "load/source_file.hpp"

namespace cti {

// Numbers that look like CPR numbers but are not: cti.yaml `cpr_tilladt` (exact strings,
// compared with and without the dash, and `re:` patterns that must match a stretch of the
// line covering the number), plus the inline comment `# cti: ikke-cpr` on the same line.
struct CprAllowlist {
  std::vector<std::string> exact;
  std::vector<std::regex> patterns;
};
CprAllowlist make_allowlist(const Project& p);

// The comment that clears a possible CPR number on its line.
inline constexpr const char* kNotCprComment = "cti: ikke-cpr";

// Reports every possible CPR number that the allowlist does not clear, never echoing it:
// in the file name; in the raw bytes (UTF-16 with a byte-order mark, or without one but
// with every other byte NUL, is decoded first); and, for YAML text, in each parsed scalar
// (escapes such as "\x30" and "\" line continuations join digits the bytes do not show).
// Time is linear in the file size however many numbers it finds; after kMaxCprReports
// findings in one file, one more diagnostic says how many more there are.
inline constexpr int kMaxCprReports = 50;
void scan_for_cpr(const SourceFile& f, Diagnostics& out, const CprAllowlist& allow = {});

// UTF-16 text (byte-order mark, or the NUL pattern of ASCII text) as UTF-8; nothing when
// `bytes` does not look like UTF-16. Unpaired surrogates become U+FFFD.
std::optional<std::string> decode_utf16(const std::string& bytes);

}  // namespace cti
