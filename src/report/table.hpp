// A small aligned-table renderer for terminal reports: columns with headings, rows of
// cells, optional ANSI colour per cell, widths measured in terminal columns (UTF-8).
// Given a width it fits the table into it (abbreviations, a narrower gap, dropping
// columns in a given order, cutting flexible cells with an ellipsis), so no row wraps.
// It formats what it is given and does no date or domain logic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cti::report {

enum class Color { none, red, yellow, green, bold, dim };
enum class Align { left, right };

struct Column {
  std::string heading;
  Align align = Align::left;
  // Fitting into a width (render with max_width): columns with drop 1, 2, ... are left out
  // in that order until the table fits; 0 is never left out.
  int drop = 0;
  // Fitting: the column's cells may be cut with an ellipsis, each down to its `keep`.
  bool flex = false;
  std::string short_heading = {};  // the heading in the abbreviated layout (empty: the same)
};

struct Cell {
  std::string text;
  Color color = Color::none;
  std::string short_text;                // the text in the abbreviated layout (empty: the same)
  std::size_t keep = std::string::npos;  // in a flex column: the columns never cut (npos: all)
  Cell() = default;
  Cell(std::string t, Color c = Color::none) : text(std::move(t)), color(c) {}
  Cell(const char* t, Color c = Color::none) : text(t), color(c) {}
  Cell& abbreviated(std::string s) {
    short_text = std::move(s);
    return *this;
  }
  Cell& keeping(std::size_t columns) {
    keep = columns;
    return *this;
  }
  // Set by Table::add_row and add_rows: the display widths of text and short_text.
  std::size_t width = 0, short_width = 0;
};

struct TableStyle {
  std::string gap = "  ";     // between columns
  bool heading_rule = false;  // a line of '-' under the headings
  bool headings = true;       // print the heading row at all
};

class Table {
 public:
  explicit Table(std::vector<Column> columns, TableStyle style = {});

  // A row with fewer cells than columns is padded with empty cells; extra cells are an error
  // of the caller and are dropped.
  Table& add_row(std::vector<Cell> cells);
  // Many rows at once, in order, masked and measured on all cores (a board of thousands).
  Table& add_rows(std::vector<std::vector<Cell>> rows);
  std::size_t row_count() const { return rows_.size(); }

  // Every line ends with '\n' and has no trailing spaces. With `color`, cells with a
  // colour are wrapped in ANSI SGR codes (padding stays outside the codes).
  // With max_width > 0 no line is wider than max_width where that can be done: the first
  // of these layouts that fits is used: as given; abbreviated (short texts); with a
  // one-space gap; then leaving out the columns by their `drop` order. In each, flex cells
  // may be cut with "…" down to their `keep`; failing all, flex cells are cut further.
  std::string render(bool color, std::size_t max_width = 0) const;

 private:
  struct Layout;
  std::string draw(const Layout& l, bool color) const;
  void draw_row(std::string& out, const Layout& l, bool color, const std::vector<Cell>& row) const;
  void prepare(std::vector<Cell>& cells) const;
  std::size_t total(const Layout& l) const;

  std::vector<Column> columns_;
  TableStyle style_;
  std::vector<std::vector<Cell>> rows_;
};

// Terminal columns taken by UTF-8 text: one per code point, none for combining marks
// and zero-width characters, two for East Asian wide characters. Invalid bytes count one.
std::size_t display_width(std::string_view utf8);

// `utf8` cut to at most `width` terminal columns, ending in "…" when anything was cut.
std::string truncate_to_width(std::string_view utf8, std::size_t width);

// `text` wrapped in the ANSI codes of `c` when enabled (and c != none), else unchanged.
std::string colorize(std::string_view text, Color c, bool enabled);

}  // namespace cti::report
