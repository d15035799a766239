// The CSV dialect of csv.hpp: Danish Excel (BOM, ';', CRLF), quoting and formula
// neutralisation.
#include "base/csv.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cti::csv {

namespace {

// -35, +2, 0,5, 1.25: a number, which a spreadsheet reads as a number, not a formula.
bool plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  bool digits = false, sep = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      digits = true;
    else if ((s[i] == ',' || s[i] == '.') && digits && !sep)
      sep = true;
    else
      return false;
  }
  return digits && s.back() != ',' && s.back() != '.';
}

bool formula_like(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.front();
  if (c == '\t' || c == '\r' || c == '=' || c == '@') return true;
  // A lone "-" (nothing) is no formula either.
  return (c == '+' || c == '-') && s.size() > 1 && !plain_number(s);
}

}  // namespace

std::string field(std::string_view s) {
  std::string v;
  if (formula_like(s)) v += '\'';
  v += s;
  const bool quote = v.find_first_of(";\"\r\n") != std::string::npos ||
                     (!v.empty() && (v.front() == ' ' || v.back() == ' ' || v.back() == '\t'));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ';';
    out += field(fields[i]);
  }
  return out + "\r\n";
}

std::string document(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out(kBom);
  out += line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string decimal(double v, int max_decimals) {
  if (!std::isfinite(v)) return "";
  std::string s = fmt::format("{:.{}f}", v, max_decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

}  // namespace cti::csv
