// The one CSV writer of cti, in the dialect Danish Excel and LibreOffice open without
// an import dialog: UTF-8 with a byte order mark, ';' between fields, CRLF after each
// line. A field is quoted ("" for a quote) when it holds ; " CR or LF or begins or ends
// with a space. A text that begins with = + - @ (or a tab or CR) gets a leading
// apostrophe so that a spreadsheet does not read it as a formula; a plain number
// (-35, +2, 0,5) and a lone "-" are left as they are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cti::csv {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One field, neutralised and quoted as needed.
std::string field(std::string_view s);

// Fields joined by ';', ending with CRLF.
std::string line(const std::vector<std::string>& fields);

// A whole document: the BOM, the header line, one line per row.
std::string document(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// A number with a decimal comma, as Danish Excel reads it: 0.75 -> "0,75", 3.0 -> "3".
std::string decimal(double v, int max_decimals = 2);

}  // namespace cti::csv
