// The board page: HTML skeleton, inline stylesheet (screen and A3-landscape print), the
// header, the legend and the shared SVG patterns. No script, no external resource: the
// file reads the same offline, printed in grey, or by a colour-blind reader (every
// colour also has a pattern or a text).
#include <fmt/format.h>

#include <cmath>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "report/board_render.hpp"

namespace cti::report::board {

using i18n::tr;

std::string esc(std::string_view text) {
  std::string out;
  for (char c : privacy::redact(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string num(double v) {
  double r = std::round(v * 100) / 100;
  if (r == 0) r = 0;  // no "-0"
  std::string s = fmt::format("{:.2f}", r);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

namespace {

const char* const kMonthsDa[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                 "juli",   "august",  "september", "oktober", "november", "december"};
const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};

std::string month_name(Date d) {
  unsigned m = static_cast<unsigned>(d.month()) - 1;
  return i18n::lang() == Lang::da ? kMonthsDa[m] : kMonthsEn[m];
}

}  // namespace

std::string month_label(Date d) {
  return fmt::format("{} {}", month_name(d).substr(0, 3), static_cast<int>(d.year()));
}

std::string long_date(Date d) {
  unsigned day = static_cast<unsigned>(d.day());
  int year = static_cast<int>(d.year());
  return i18n::lang() == Lang::da ? fmt::format("{}. {} {}", day, month_name(d), year)
                                  : fmt::format("{} {} {}", day, month_name(d), year);
}

std::string band_label(BoardBand::Kind k) {
  switch (k) {
    case BoardBand::Kind::kontakt:
      return std::string(tr("Contact", "Kontakt"));
    case BoardBand::Kind::fase1:
      return std::string(tr("Phase 1", "Fase 1"));
    case BoardBand::Kind::fase2:
      return std::string(tr("Phase 2", "Fase 2"));
    case BoardBand::Kind::fase3:
      return std::string(tr("Phase 3", "Fase 3"));
    case BoardBand::Kind::overskredet:
      return std::string(tr("Overdue", "Overskredet"));
  }
  return "";
}

std::string marker_label(BoardMarker::Kind k) {
  switch (k) {
    case BoardMarker::Kind::phase2:
      return std::string(tr("phase 2 begins", "fase 2 begynder"));
    case BoardMarker::Kind::phase3:
      return std::string(tr("phase 3 begins", "fase 3 begynder"));
    case BoardMarker::Kind::handover:
      return std::string(tr("handover meetings", "overdragelsesmøder"));
    case BoardMarker::Kind::planned_end:
      return std::string(tr("planned end", "planlagt afslutning"));
    case BoardMarker::Kind::end:
      return std::string(tr("ended", "afsluttet"));
  }
  return "";
}

std::string svg_defs() {
  // Background tint plus a line pattern per band: distinct in colour, in grey and in shape.
  auto pattern = [](const char* id, const char* bg, const char* fg, const char* lines) {
    return fmt::format(
        "<pattern id=\"{}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
        "<rect width=\"8\" height=\"8\" fill=\"{}\"/><path d=\"{}\" stroke=\"{}\" stroke-width=\"1.2\" "
        "fill=\"none\"/></pattern>",
        id, bg, lines, fg);
  };
  std::string s = "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>";
  s += pattern("p-kontakt", "#eeeeee", "#777777", "M0 4h1M4 4h1");              // dots
  s += pattern("p-fase1", "#cfe3f3", "#0072b2", "M-2 2l4-4M0 8l8-8M6 10l4-4");  // diagonal /
  s += pattern("p-fase2", "#fbe5b6", "#a66f00", "M0 2h8M0 6h8");                // horizontal
  s += pattern("p-fase3", "#c7eadf", "#00785a", "M2 0v8M6 0v8");                // vertical
  s += pattern("p-overskredet", "#f6c9c0", "#b03000", "M0 0l8 8M0 8l8-8");      // cross-hatch
  s += pattern("p-error", "#ffffff", "#c00000", "M-2 6l4 4M0 0l8 8M6 -2l4 4");  // diagonal \ in red
  s += pattern("p-load", "#fbe5b6", "#a66f00", "M0 2h8M0 6h8");                 // as phase 2
  s += "</defs></svg>\n";
  return s;
}

std::string marker_shape(BoardMarker::Kind k, double x, double y) {
  std::string a = fmt::format("class=\"marker marker-{0}\" data-marker=\"{0}\"", marker_name(k));
  auto circle = [&](const char* digit) {
    return fmt::format(
        "<g {0}><circle cx=\"{1}\" cy=\"{2}\" r=\"6.5\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1.5\"/>"
        "<text x=\"{1}\" y=\"{3}\" class=\"mk\">{4}</text>",
        a, num(x), num(y), num(y + 3.5), digit);
  };
  switch (k) {
    case BoardMarker::Kind::phase2:
      return circle("2");
    case BoardMarker::Kind::phase3:
      return circle("3");
    case BoardMarker::Kind::handover:  // triangle pointing up
      return fmt::format(
          "<g {}><path d=\"M{} {}l6.5 11h-13z\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1.5\"/>", a, num(x),
          num(y - 6.5));
    case BoardMarker::Kind::planned_end:  // a flag on a pole
      return fmt::format(
          "<g {}><path d=\"M{} {}v15\" stroke=\"#222222\" stroke-width=\"1.5\"/><path d=\"M{} {}h9l-3 3.5l3 3.5h-9z\" "
          "fill=\"#222222\"/>",
          a, num(x), num(y - 7.5), num(x), num(y - 7.5));
    case BoardMarker::Kind::end:  // a filled square
      return fmt::format("<g {}><rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"#222222\"/>", a, num(x - 5),
                         num(y - 5));
  }
  return "<g>";
}

namespace {

const char* const kStyle = R"(<style>
:root{color-scheme:light}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#111;background:#fff;margin:16px 20px;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:22px 0 6px;border-bottom:2px solid #111}
h3{font-size:14px;margin:14px 0 2px}
p.meta{margin:0 0 8px;font-size:13px}
.summary{font-size:12px;margin:0 0 2px}
.summary .bad{color:#b00000;font-weight:bold}
.note{font-size:12px;color:#444}
svg.tl,svg.cl,svg.legend{display:block;width:100%;height:auto;max-width:1340px}
svg text{font-family:inherit;font-size:11px;fill:#111}
svg text.id{font-size:13px;font-weight:bold}
svg text.ph{font-size:10px;fill:#333}
svg text.band-label,svg text.bar-num,svg text.err{paint-order:stroke;stroke:#fff;stroke-width:3px}
svg text.bar-num{font-weight:bold;text-anchor:middle}
svg text.mk{font-size:9px;font-weight:bold;text-anchor:middle}
svg text.badge{fill:#fff;font-size:10px;font-weight:bold;text-anchor:middle}
svg text.soon{fill:#6b4b00;font-size:10px;text-anchor:middle}
svg text.axis{font-size:10px;fill:#333;text-anchor:middle}
svg text.today-label{fill:#b00000;font-size:10px;font-weight:bold;text-anchor:middle}
svg text.err{fill:#900000;font-weight:bold}
.group{break-inside:avoid;page-break-inside:avoid}
@page{size:A3 landscape;margin:8mm}
@media print{body{margin:0;font-size:11px}svg.tl,svg.cl,svg.legend{max-width:none}h2{break-after:avoid}
section.caseload{break-before:page}}
</style>
)";

}  // namespace

std::string render_legend() {
  std::string s = "<svg class=\"legend\" viewBox=\"0 0 1340 58\" width=\"1340\" height=\"58\" role=\"img\">";
  double x = 4;
  auto swatch = [&](const std::string& fill, const std::string& label, const std::string& data) {
    s += fmt::format(
        "<g data-legend=\"{}\"><rect x=\"{}\" y=\"6\" width=\"34\" height=\"16\" fill=\"{}\" stroke=\"#555555\" "
        "stroke-width=\"0.6\"/><text x=\"{}\" y=\"18\">{}</text></g>",
        data, num(x), fill, num(x + 40), esc(label));
    x += 50 + 7.0 * static_cast<double>(label.size());
  };
  for (auto k : {BoardBand::Kind::kontakt, BoardBand::Kind::fase1, BoardBand::Kind::fase2, BoardBand::Kind::fase3,
                 BoardBand::Kind::overskredet})
    swatch(fmt::format("url(#p-{})", band_name(k)), band_label(k), std::string(band_name(k)));
  swatch("url(#p-error)", std::string(tr("file has errors (cti validate)", "fejl i filen (cti validate)")), "error");
  x = 4;
  auto item = [&](const std::string& shape, const std::string& label, double width) {
    s += shape + fmt::format("<text x=\"{}\" y=\"48\">{}</text></g>", num(x + width), esc(label));
    x += width + 16 + 6.5 * static_cast<double>(label.size());
  };
  for (auto k : {BoardMarker::Kind::phase2, BoardMarker::Kind::phase3, BoardMarker::Kind::handover,
                 BoardMarker::Kind::planned_end, BoardMarker::Kind::end})
    item(marker_shape(k, x + 7, 44), marker_label(k), 18);
  item(fmt::format("<g data-legend=\"today\"><path d=\"M{0} 34v20\" stroke=\"#c00000\" stroke-width=\"2\"/>",
                   num(x + 4)),
       std::string(tr("today", "i dag")), 12);
  item(fmt::format("<g data-legend=\"overdue\"><rect x=\"{}\" y=\"37\" width=\"22\" height=\"14\" rx=\"7\" "
                   "fill=\"#c00000\"/><text x=\"{}\" y=\"48\" class=\"badge\">3</text>",
                   num(x), num(x + 11)),
       std::string(tr("overdue items", "forsinkede punkter")), 28);
  item(fmt::format("<g data-legend=\"due-soon\"><rect x=\"{}\" y=\"37\" width=\"22\" height=\"14\" rx=\"7\" "
                   "fill=\"#fff4d6\" stroke=\"#a66f00\" stroke-dasharray=\"3 2\"/><text x=\"{}\" y=\"48\" "
                   "class=\"soon\">2</text>",
                   num(x), num(x + 11)),
       std::string(tr("due soon", "snart")), 28);
  s += "</svg>\n";
  return s;
}

}  // namespace cti::report::board

namespace cti::report {

using namespace board;

std::string render_board_html(const Board& b) {
  const std::string lang = i18n::lang() == Lang::da ? "da" : "en";
  const std::string title = b.project.empty() ? std::string(tr("CTI board", "CTI-tavle")) : b.project;
  std::string s = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  s += "<title>" + esc(title) + " — " + esc(format_date(b.today)) + "</title>\n";
  s += kStyle;
  s += "</head>\n";
  s += fmt::format(
      "<body data-today=\"{}\" data-from=\"{}\" data-to=\"{}\" data-x0=\"{}\" data-x1=\"{}\" "
      "data-rows=\"{}\" data-errors=\"{}\">\n",
      format_date(b.today), format_date(b.scale.from), format_date(b.scale.to), num(b.scale.x0), num(b.scale.x1),
      b.rows, b.errors);
  s += svg_defs();
  s += "<header>\n<h1>" + esc(title) + "</h1>\n";
  s += "<p class=\"meta\">" +
       esc(fmt::format(fmt::runtime(tr("The team board on {} ({}); {} forløb on the board, from {} to {}.",
                                       "Teamets tavle den {} ({}); {} forløb på tavlen, fra {} til {}.")),
                       long_date(b.today), format_date(b.today), b.rows, month_label(b.scale.from),
                       month_label(add_days(b.scale.to, -1)))) +
       "</p>\n";
  if (b.errors > 0)
    s += "<p class=\"meta\"><strong>" +
         esc(fmt::format(fmt::runtime(tr("Forløb with errors in their files: {} (marked rows below; run cti validate).",
                                         "Forløb med fejl i filen: {} (markerede rækker nedenfor; kør cti validate).")),
                         b.errors)) +
         "</strong></p>\n";
  // Entries of forloeb/ that are not read (K-0010.yml, a dangling link): named, as every view names them.
  Uncounted not_read = b.uncounted;
  not_read.forloeb_with_errors = 0;
  for (const auto& line : uncounted_sentences(not_read, Shown::rows))
    s += "<p class=\"meta not-read\"><strong>" + esc(line) + "</strong></p>\n";
  s += render_legend();
  s += "</header>\n";
  s += "<section class=\"timeline\">\n<h2>" + esc(tr("Timeline", "Tidslinje")) + "</h2>\n";
  if (b.groups.empty()) s += "<p class=\"note\">" + esc(tr("No forløb to show.", "Ingen forløb at vise.")) + "</p>\n";
  for (const auto& g : b.groups) s += render_timeline_group(b, g);
  s += "</section>\n";
  s += render_caseload_section(b);
  s += "<footer class=\"note\"><p>" +
       esc(tr("Made by cti board from the forløb files; the figures are those of cti status and cti caseload. "
              "Case ids only, no CPR numbers.",
              "Lavet af cti board ud fra forløbsfilerne; tallene er dem fra cti status og cti caseload. "
              "Kun sags-id'er, ingen CPR-numre.")) +
       "</p></footer>\n</body>\n</html>\n";
  return s;
}

}  // namespace cti::report
