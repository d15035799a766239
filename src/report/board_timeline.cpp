// The board's timeline: one SVG per worker, one row per forløb, the contact period and
// phases as patterned bands on the date axis, the points as markers, a line for today and
// the overdue and due-soon counts as badges. Every element carries its dates in data-*
// attributes and its x in the drawing's own units (BoardScale), so it can be checked.
#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "report/board_render.hpp"

namespace cti::report::board {

using i18n::tr;

namespace {

constexpr double kAxisHeight = 32;
constexpr double kRowHeight = 30;

std::string opt_attr(const char* name, const std::optional<Date>& d) {
  return d ? fmt::format(" data-{}=\"{}\"", name, format_date(*d)) : "";
}

// At most `max` bytes, cut at a UTF-8 character boundary, with "…" when cut. Give it
// masked text only: a cut inside a CPR number hides it from the gate.
std::string shorten(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

std::string axis(const Board& b, double height) {
  const BoardScale& sc = b.scale;
  std::string s;
  std::vector<Date> edges{sc.from};
  edges.insert(edges.end(), b.month_ticks.begin(), b.month_ticks.end());
  edges.push_back(sc.to);
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    double xa = sc.x(edges[i]), xb = sc.x(edges[i + 1]);
    s += fmt::format("<text class=\"axis\" x=\"{}\" y=\"13\" data-month=\"{}\">{}</text>", num((xa + xb) / 2),
                     format_date(edges[i]).substr(0, 7), esc(month_label(edges[i])));
  }
  for (Date t : edges)
    s += fmt::format(
        "<path class=\"grid\" d=\"M{0} 18V{1}\" stroke=\"#bbbbbb\" stroke-width=\"0.8\" data-date=\"{2}\"/>",
        num(sc.x(t)), num(height), format_date(t));
  return s;
}

std::string badge(double x, double y, double w, int count, const std::string& text, bool overdue) {
  if (count <= 0) return "";
  if (overdue)
    return fmt::format(
        "<g class=\"badge-overdue\" data-count=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"15\" rx=\"7.5\" "
        "fill=\"#c00000\"/><text class=\"badge\" x=\"{}\" y=\"{}\">{}</text></g>",
        count, num(x), num(y), num(w), num(x + w / 2), num(y + 11), esc(text));
  return fmt::format(
      "<g class=\"badge-soon\" data-count=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"15\" rx=\"7.5\" "
      "fill=\"#fff4d6\" stroke=\"#a66f00\" stroke-dasharray=\"3 2\"/><text class=\"soon\" x=\"{}\" "
      "y=\"{}\">{}</text></g>",
      count, num(x), num(y), num(w), num(x + w / 2), num(y + 11), esc(text));
}

std::string row_svg(const Board& b, const BoardRow& r, double y) {
  const BoardScale& sc = b.scale;
  std::string s;
  if (r.has_error) {
    s += fmt::format("<g class=\"row row-error\" data-id=\"{}\" data-worker=\"{}\" data-file=\"{}\" data-error=\"{}\"",
                     esc(r.id), esc(r.worker), esc(r.file), esc(r.error_rule));
    if (r.error_line > 0) s += fmt::format(" data-line=\"{}\"", r.error_line);
    s += fmt::format(" data-y=\"{}\">", num(y));
    s += fmt::format("<text class=\"id\" x=\"8\" y=\"{}\">{}</text>", num(y + 13), esc(r.id));
    s += fmt::format("<text class=\"ph err\" x=\"8\" y=\"{}\">{}</text>", num(y + 26),
                     esc(tr("file has errors", "fejl i filen")));
    std::string where =
        r.error_line > 0 ? fmt::format(fmt::runtime(tr("{} line {}", "{} linje {}")), r.file, r.error_line) : r.file;
    std::string msg = fmt::format(fmt::runtime(tr("{}: {} [{}]: not drawn until the file is fixed (cti validate)",
                                                  "{}: {} [{}]: tegnes ikke, før filen er rettet (cti validate)")),
                                  where, shorten(privacy::redact_output(r.error_message), 110), r.error_rule);
    s += fmt::format(
        "<rect class=\"error-band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" fill=\"url(#p-error)\" "
        "stroke=\"#c00000\" stroke-width=\"1.5\"/><text class=\"err\" x=\"{}\" y=\"{}\">{}</text>",
        num(sc.x0), num(y + 5), num(sc.x1 - sc.x0), num(sc.x0 + 6), num(y + 19), esc(msg));
    return s + "<title>" + esc(r.id + ": " + msg) + "</title></g>\n";
  }

  const StatusRow& st = *r.status;
  s += fmt::format(
      "<g class=\"row\" data-id=\"{}\" data-worker=\"{}\" data-phase=\"{}\" data-overdue=\"{}\" "
      "data-due-soon=\"{}\"",
      esc(r.id), esc(r.worker), schedule::phase_name(st.phase), r.overdue(), r.due_soon());
  if (st.plan) {
    s += opt_attr("start", st.plan->start) + opt_attr("phase2", st.plan->phase2) + opt_attr("phase3", st.plan->phase3);
    s += opt_attr("handover", st.plan->handover) + opt_attr("planned-end", st.plan->planned_end);
  }
  s += opt_attr("end", st.end) + fmt::format(" data-y=\"{}\">", num(y));

  // Label column: id, phase and day, the badges.
  s += fmt::format("<text class=\"id\" x=\"8\" y=\"{}\">{}</text>", num(y + 13), esc(r.id));
  std::string phase(schedule::phase_name(st.phase));
  if (st.day_in_phase) phase += fmt::format(fmt::runtime(tr(", day {}", ", dag {}")), *st.day_in_phase);
  s += fmt::format("<text class=\"ph\" x=\"8\" y=\"{}\">{}</text>", num(y + 26), esc(phase));
  s +=
      badge(94, y + 2, 70, r.overdue(), fmt::format(fmt::runtime(tr("{} overdue", "{} forsinket")), r.overdue()), true);
  s += badge(168, y + 2, 58, r.due_soon(), fmt::format(fmt::runtime(tr("{} soon", "{} snart")), r.due_soon()), false);

  for (const auto& band : r.bands) {
    if (!(band.from < sc.to) || !(sc.from < band.to)) continue;  // outside the window
    double xa = sc.x(sc.clamp(band.from)), xb = sc.x(sc.clamp(band.to));
    const std::string name(band_name(band.kind));
    s += fmt::format(
        "<rect class=\"band band-{0}\" data-band=\"{0}\" data-from=\"{1}\" data-to=\"{2}\" data-x=\"{3}\" "
        "data-x-end=\"{4}\"{5} x=\"{6}\" y=\"{7}\" width=\"{8}\" height=\"18\" fill=\"url(#p-{0})\" "
        "stroke=\"#444444\" stroke-width=\"0.6\"><title>{9}</title></rect>",
        name, format_date(band.from), format_date(band.to), num(sc.x(band.from)), num(sc.x(band.to)),
        band.open ? " data-open=\"true\"" : "", num(xa), num(y + 6), num(xb - xa),
        esc(fmt::format("{} {}: {} – {}", r.id, band_label(band.kind), format_date(band.from),
                        format_date(add_days(band.to, -1)))));
    if (xb - xa >= 62)
      s += fmt::format("<text class=\"band-label\" x=\"{}\" y=\"{}\">{}</text>", num(xa + 10), num(y + 19),
                       esc(band_label(band.kind)));
  }
  for (const auto& m : r.markers) {
    if (m.date < sc.from || !(m.date < sc.to)) continue;
    double x = sc.x(m.date);
    s += marker_shape(m.kind, x, y + 15);
    s += fmt::format("<desc data-date=\"{}\" data-x=\"{}\"></desc><title>{}</title></g>", format_date(m.date), num(x),
                     esc(fmt::format("{} {}: {}", r.id, marker_label(m.kind), format_date(m.date))));
  }
  return s + "</g>\n";
}

std::string summary_line(const BoardGroup& g) {
  const WorkerSummary& w = g.summary;
  std::string s = w.active == 1 ? std::string(tr("1 active", "1 aktiv"))
                                : fmt::format(fmt::runtime(tr("{} active", "{} aktive")), w.active);
  std::string parts = esc(s);
  if (w.with_overdue > 0)
    parts += " · <span class=\"bad\">" +
             esc(fmt::format(fmt::runtime(tr("{} with overdue items ({} {})", "{} med forsinkede punkter ({} {})")),
                             w.with_overdue, w.overdue_items,
                             w.overdue_items == 1 ? tr("item", "punkt") : tr("items", "punkter"))) +
             "</span>";
  else
    parts += " · " + esc(tr("nothing overdue", "intet forsinket"));
  if (g.caseload)
    parts +=
        " · " + esc(fmt::format(fmt::runtime(tr("capacity {}, weighted load {}", "kapacitet {}, vægtet belastning {}")),
                                format_number(g.caseload->capacity), format_number(g.caseload->now.load)));
  if (g.errors > 0)
    parts += " · <span class=\"bad\">" +
             esc(fmt::format(fmt::runtime(tr("{} with file errors", "{} med fejl i filen")), g.errors)) + "</span>";
  return parts;
}

}  // namespace

std::string render_timeline_group(const Board& b, const BoardGroup& g) {
  const double height = kAxisHeight + kRowHeight * static_cast<double>(g.rows.size()) + 6;
  std::string heading = g.worker.empty() ? std::string(tr("(no worker)", "(ingen medarbejder)")) : g.worker;
  if (!g.name.empty()) heading += " — " + g.name;
  std::string s = fmt::format(
      "<div class=\"group\" data-worker=\"{}\" data-active=\"{}\" data-with-overdue=\"{}\" "
      "data-overdue-items=\"{}\">\n<h3>{}</h3>\n<p class=\"summary\">{}</p>\n",
      esc(g.worker), g.summary.active, g.summary.with_overdue, g.summary.overdue_items, esc(heading), summary_line(g));
  s += fmt::format(
      "<svg class=\"tl\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "data-worker=\"{2}\">\n",
      num(kBoardWidth), num(height), esc(g.worker));
  for (std::size_t i = 0; i < g.rows.size(); ++i)
    if (i % 2 == 1)
      s += fmt::format("<rect class=\"zebra\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f3f3f3\"/>",
                       num(kAxisHeight + kRowHeight * static_cast<double>(i)), num(kBoardWidth), num(kRowHeight));
  s += axis(b, height) + "\n";
  for (std::size_t i = 0; i < g.rows.size(); ++i)
    s += row_svg(b, g.rows[i], kAxisHeight + kRowHeight * static_cast<double>(i));
  if (g.rows.empty())
    s += fmt::format("<text x=\"8\" y=\"{}\">{}</text>", num(kAxisHeight + 14),
                     esc(tr("no forløb on the board", "ingen forløb på tavlen")));
  const double xt = b.scale.x(b.today);
  s += fmt::format(
      "<g class=\"today\" data-date=\"{0}\" data-x=\"{1}\"><path class=\"today-line\" d=\"M{1} 18V{2}\" "
      "stroke=\"#c00000\" stroke-width=\"2\"/><text class=\"today-label\" x=\"{1}\" y=\"28\">{3}</text></g>\n",
      format_date(b.today), num(xt), num(height), esc(tr("today", "i dag")));
  return s + "</svg>\n</div>\n";
}

}  // namespace cti::report::board
