// Internal to the board renderer (board_html.cpp, board_timeline.cpp, board_caseload.cpp):
// escaping, number and date formatting, and the parts of the page each file draws.
#pragma once

#include <string>
#include <string_view>

#include "report/board.hpp"

namespace cti::report::board {

// Text for HTML/SVG content or an attribute value: escaped, and anything CPR-shaped masked.
std::string esc(std::string_view text);

// A coordinate: at most two decimals, no trailing zeros ("12.5", "230").
std::string num(double v);

// "nov 2026" / "Nov 2026".
std::string month_label(Date d);
// "23. november 2026" / "23 November 2026".
std::string long_date(Date d);
// Band labels as written on the board: "Kontakt", "Fase 1", ..., "Overskredet" / "Overdue".
std::string band_label(BoardBand::Kind k);
std::string marker_label(BoardMarker::Kind k);

// The shared <defs>: one fill pattern per band, for the load bars and for error rows.
std::string svg_defs();
// The shape of a marker centred on (x, y): an open <g> with its data attributes; the
// caller adds any <title> and closes it.
std::string marker_shape(BoardMarker::Kind k, double x, double y);

std::string render_timeline_group(const Board& b, const BoardGroup& g);
std::string render_caseload_section(const Board& b);
std::string render_legend();

}  // namespace cti::report::board
