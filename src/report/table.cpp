#include "report/table.hpp"

#include <algorithm>

#include "base/cpr_scan.hpp"
#include "base/parallel.hpp"

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
  while (width < s.size() && static_cast<unsigned char>(s[width]) < 0x80) ++width;  // ASCII: one column a byte
  for (std::size_t i = width; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (zero_width(c)) continue;
    width += wide(c) ? 2 : 1;
  }
  return width;
}

namespace {

// `text` appended to `out`, in the ANSI codes of `c` when enabled (and c != none).
void append_colored(std::string& out, std::string_view text, Color c, bool enabled) {
  const bool colored = enabled && c != Color::none;
  if (colored) out += sgr(c);
  out += text;
  if (colored) out += kReset;
}

}  // namespace

std::string colorize(std::string_view text, Color c, bool enabled) {
  std::string out;
  append_colored(out, text, c, enabled);
  return out;
}

Table::Table(std::vector<Column> columns, TableStyle style) : columns_(std::move(columns)), style_(std::move(style)) {}

void Table::prepare(std::vector<Cell>& cells) const {
  cells.resize(columns_.size());
  // Masked here, before anything is measured or cut (SPEC 8): a cell cut inside a CPR
  // number would leave nine of its digits that the output gate no longer sees as one.
  auto mask = [](std::string& text) {
    std::size_t end = 0;
    if (privacy::next_output_mask(text, 0, end) != std::string::npos) text = privacy::redact_output(text);
  };
  for (auto& c : cells) {
    mask(c.text);
    mask(c.short_text);
    c.width = display_width(c.text);
    c.short_width = c.short_text.empty() ? c.width : display_width(c.short_text);
  }
}

Table& Table::add_row(std::vector<Cell> cells) {
  prepare(cells);
  rows_.push_back(std::move(cells));
  return *this;
}

Table& Table::add_rows(std::vector<std::vector<Cell>> rows) {
  for_each_index(rows.size(), 512, [&](std::size_t i) { prepare(rows[i]); });
  if (rows_.empty()) {
    rows_ = std::move(rows);
  } else {
    rows_.reserve(rows_.size() + rows.size());
    for (auto& r : rows) rows_.push_back(std::move(r));
  }
  return *this;
}

struct Table::Layout {
  bool abbreviated = false;
  std::string gap;
  std::vector<bool> shown;
  std::vector<std::size_t> width;  // per column; a flex column narrower than its text cuts it
};

namespace {

const std::string& text_in(const std::string& text, const std::string& short_text, bool abbreviated) {
  return abbreviated && !short_text.empty() ? short_text : text;
}

const std::string& text_in(const Cell& c, bool abbreviated) {
  return text_in(c.text, c.short_text, abbreviated);
}

std::size_t width_in(const Cell& c, bool abbreviated) {
  return abbreviated ? c.short_width : c.width;
}

}  // namespace

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return "";
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t from = i;
    char32_t c = next_code_point(s, i);
    std::size_t w = zero_width(c) ? 0 : wide(c) ? 2 : 1;
    if (used + w > width - 1) break;
    out.append(s.substr(from, i - from));
    used += w;
  }
  return out + "\u2026";
}

std::size_t Table::total(const Layout& l) const {
  std::size_t sum = 0, n = 0;
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (l.shown[c]) sum += l.width[c] + (n++ > 0 ? display_width(l.gap) : 0);
  return sum;
}

std::string Table::render(bool color, std::size_t max_width) const {
  const std::size_t n = columns_.size();
  Layout l{false, style_.gap, std::vector<bool>(n, true), std::vector<std::size_t>(n, 0)};
  std::vector<std::size_t> floor(n, 1);  // flex columns: the narrowest they may be cut to
  auto measure = [&] {
    for (std::size_t c = 0; c < n; ++c) {
      const Column& col = columns_[c];
      l.width[c] = style_.headings ? display_width(text_in(col.heading, col.short_heading, l.abbreviated)) : 0;
      floor[c] = 1;
      for (const auto& row : rows_) {
        std::size_t w = width_in(row[c], l.abbreviated);
        l.width[c] = std::max(l.width[c], w);
        floor[c] = std::max(floor[c], std::min(w, row[c].keep));
      }
      if (!col.flex) floor[c] = l.width[c];
    }
  };
  measure();
  if (max_width == 0 || total(l) <= max_width) return draw(l, color);

  // Fits as it is, or by cutting flex columns (rightmost first) no further than their floor.
  auto fit = [&](bool force) {
    std::size_t t = total(l);
    for (std::size_t c = n; c-- > 0 && t > max_width;) {
      if (!l.shown[c] || !columns_[c].flex) continue;
      std::size_t least = std::min(force ? std::size_t{1} : floor[c], l.width[c]);
      std::size_t cut = std::min(t - max_width, l.width[c] - least);
      l.width[c] -= cut;
      t -= cut;
    }
    return t <= max_width;
  };
  auto attempt = [&](bool force) {
    Layout saved = l;
    if (fit(force)) return true;
    l = saved;
    return false;
  };

  l.abbreviated = true;
  measure();
  if (attempt(false)) return draw(l, color);
  if (display_width(l.gap) > 1) {
    l.gap.assign(1, ' ');  // not = " ": GCC 12 warns falsely (-Wrestrict) on that
    if (attempt(false)) return draw(l, color);
  }
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < n; ++c)
    if (columns_[c].drop > 0) order.push_back(c);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return columns_[a].drop < columns_[b].drop; });
  for (std::size_t c : order) {
    l.shown[c] = false;
    if (attempt(false)) return draw(l, color);
  }
  fit(true);
  return draw(l, color);
}

std::string Table::draw(const Layout& l, bool color) const {
  const std::size_t n = columns_.size();
  std::string out;
  if (style_.headings) {
    std::vector<Cell> headings(n);
    for (std::size_t c = 0; c < n; ++c) {
      headings[c].text = text_in(columns_[c].heading, columns_[c].short_heading, l.abbreviated);
      headings[c].width = headings[c].short_width = display_width(headings[c].text);
    }
    draw_row(out, l, false, headings);
    if (style_.heading_rule) {
      std::string rule;
      bool first = true;
      for (std::size_t c = 0; c < n; ++c) {
        if (!l.shown[c]) continue;
        if (!first) rule += l.gap;
        first = false;
        rule.append(l.width[c], '-');
      }
      while (!rule.empty() && rule.back() == ' ') rule.pop_back();
      out += rule + '\n';
    }
  }
  // The rows in blocks on all cores, each block into its own text, joined in order.
  constexpr std::size_t kBlock = 256;
  std::vector<std::string> blocks((rows_.size() + kBlock - 1) / kBlock);
  for_each_index(blocks.size(), 1, [&](std::size_t b) {
    std::string& text = blocks[b];
    const std::size_t end = std::min(rows_.size(), (b + 1) * kBlock);
    text.reserve((end - b * kBlock) * (total(l) + 8));
    for (std::size_t r = b * kBlock; r < end; ++r) draw_row(text, l, color, rows_[r]);
  });
  std::size_t size = out.size();
  for (const auto& b : blocks) size += b.size();
  out.reserve(size);
  for (const auto& b : blocks) out += b;
  return out;
}

void Table::draw_row(std::string& out, const Layout& l, bool color, const std::vector<Cell>& row) const {
  const std::size_t start = out.size();
  bool first = true;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!l.shown[c]) continue;
    const Cell& cell = row[c];
    const std::string& full = text_in(cell, l.abbreviated);
    std::size_t w = width_in(cell, l.abbreviated);
    std::string cut;
    const bool too_wide = w > l.width[c];  // a flex cell wider than its column
    if (too_wide) {
      cut = truncate_to_width(full, l.width[c]);
      w = display_width(cut);
    }
    const std::string& text = too_wide ? cut : full;
    const std::size_t pad = l.width[c] - w;
    if (!first) out += l.gap;
    first = false;
    if (columns_[c].align == Align::right) out.append(pad, ' ');
    append_colored(out, text, cell.color, color);
    if (columns_[c].align == Align::left) out.append(pad, ' ');
  }
  while (out.size() > start && out.back() == ' ') out.pop_back();
  out += '\n';
}

}  // namespace cti::report
