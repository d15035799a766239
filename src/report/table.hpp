// A small aligned-table renderer for terminal reports: columns with headings, rows of
// cells, optional ANSI colour per cell, widths measured in terminal columns (UTF-8).
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
};

struct Cell {
  std::string text;
  Color color = Color::none;
  Cell() = default;
  Cell(std::string t, Color c = Color::none) : text(std::move(t)), color(c) {}
  Cell(const char* t, Color c = Color::none) : text(t), color(c) {}
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
  std::size_t row_count() const { return rows_.size(); }

  // Every line ends with '\n' and has no trailing spaces. With `color`, cells with a
  // colour are wrapped in ANSI SGR codes (padding stays outside the codes).
  std::string render(bool color) const;

 private:
  std::vector<Column> columns_;
  TableStyle style_;
  std::vector<std::vector<Cell>> rows_;
};

// Terminal columns taken by UTF-8 text: one per code point, none for combining marks
// and zero-width characters, two for East Asian wide characters. Invalid bytes count one.
std::size_t display_width(std::string_view utf8);

// `text` wrapped in the ANSI codes of `c` when enabled (and c != none), else unchanged.
std::string colorize(std::string_view text, Color c, bool enabled);

}  // namespace cti::report
