// [cpr-leak]: possible CPR numbers, as a person reads them, in a file's name, raw bytes
// and parsed YAML values, with the allowlist that clears a false positive (SPEC section 8).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/cpr_read.hpp"
#include "base/linear_regex.hpp"
#include "base/project.hpp"
#include "base/source.hpp"
#include "load/source_file.hpp"

namespace cti {

// Numbers that look like CPR numbers but are not: cti.yaml `cpr_tilladt` (exact numbers,
// compared by their digits however either is written, and `re:` patterns that must match
// a stretch of the line covering the number), plus the comment `# cti: ikke-cpr` on the
// same line. Each number is judged on its own: an allowed number beside it clears nothing.
struct CprAllowlist {
  std::vector<std::string> exact;
  std::vector<std::string> exact_digits;  // cpr_digits() of each exact entry
  std::vector<privacy::LinearRegex> patterns;
};
CprAllowlist make_allowlist(const Project& p);

// Whether the allowlist clears the number `h` found in `text` (offsets into it), where
// [line_from, line_to) is the line that holds it. A pattern is tried on the line as it is
// and, when the number is written otherwise, with the number as DDMMYY-SSSS.
bool cpr_allowed(const CprAllowlist& a, std::string_view text, const privacy::ReadHit& h, std::size_t line_from,
                 std::size_t line_to);

// The comment that clears a possible CPR number on its line.
inline constexpr const char* kNotCprComment = "cti: ikke-cpr";

// Reports every possible CPR number that the allowlist does not clear, never echoing it:
// in the file name; in the raw bytes (UTF-16 with a byte-order mark, or without one but
// with NUL bytes in every other place, is decoded first; a binary file is read as
// `strings` would read it, its ASCII and its UTF-16 text); and, for YAML text, in each
// parsed scalar (escapes such as "\x30", "\" line continuations and folded lines join
// digits the bytes do not show). In YAML `# cti: ikke-cpr` counts only as a real comment
// (not inside a quoted or block value). Time is linear in the file size however many
// numbers it finds; after kMaxCprReports findings in one file, one more diagnostic says
// how many more there are.
inline constexpr int kMaxCprReports = 50;
void scan_for_cpr(const SourceFile& f, Diagnostics& out, const CprAllowlist& allow = {});

// Possible CPR numbers in a name (a path, a symbolic link's target) not cleared by the
// allowlist.
bool name_holds_cpr(std::string_view name, const CprAllowlist& allow);

// UTF-16 text (byte-order mark, or the NUL pattern of mostly-ASCII text) as UTF-8;
// nothing when `bytes` does not look like UTF-16. Unpaired surrogates become U+FFFD.
std::optional<std::string> decode_utf16(const std::string& bytes);

}  // namespace cti
