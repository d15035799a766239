#include "report/table.hpp"

#include <algorithm>

namespace cti::report {

namespace {

// Decodes one code point at s[i], advancing i; invalid bytes yield U+FFFD and advance one.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

bool zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

std::string_view sgr(Color c) {
  switch (c) {
    case Color::none:
      return "";
    case Color::red:
      return "\x1b[31m";
    case Color::yellow:
      return "\x1b[33m";
    case Color::green:
      return "\x1b[32m";
    case Color::bold:
      return "\x1b[1m";
    case Color::dim:
      return "\x1b[2m";
  }
  return "";
}

constexpr std::string_view kReset = "\x1b[0m";

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (zero_width(c)) continue;
    width += wide(c) ? 2 : 1;
  }
  return width;
}

std::string colorize(std::string_view text, Color c, bool enabled) {
  if (!enabled || c == Color::none) return std::string(text);
  std::string out(sgr(c));
  out += text;
  out += kReset;
  return out;
}

Table::Table(std::vector<Column> columns, TableStyle style) : columns_(std::move(columns)), style_(std::move(style)) {}

Table& Table::add_row(std::vector<Cell> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
  return *this;
}

std::string Table::render(bool color) const {
  const std::size_t n = columns_.size();
  std::vector<std::size_t> width(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    if (style_.headings) width[c] = display_width(columns_[c].heading);
    for (const auto& row : rows_) width[c] = std::max(width[c], display_width(row[c].text));
  }

  std::string out;
  auto emit = [&](auto cell_at) {
    std::string line;
    for (std::size_t c = 0; c < n; ++c) {
      const Cell& cell = cell_at(c);
      std::size_t pad = width[c] - display_width(cell.text);
      if (c > 0) line += style_.gap;
      if (columns_[c].align == Align::right) line.append(pad, ' ');
      line += colorize(cell.text, cell.color, color);
      if (columns_[c].align == Align::left) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };

  if (style_.headings) {
    std::vector<Cell> heads;
    for (const auto& col : columns_) heads.emplace_back(col.heading);
    emit([&](std::size_t c) -> const Cell& { return heads[c]; });
    if (style_.heading_rule) {
      std::string rule;
      for (std::size_t c = 0; c < n; ++c) {
        if (c > 0) rule += style_.gap;
        rule.append(width[c], '-');
      }
      while (!rule.empty() && rule.back() == ' ') rule.pop_back();
      out += rule + '\n';
    }
  }
  for (const auto& row : rows_) emit([&](std::size_t c) -> const Cell& { return row[c]; });
  return out;
}

}  // namespace cti::report
