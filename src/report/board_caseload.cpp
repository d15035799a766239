// The board's caseload section: for each worker and the team, the figures of `cti caseload`
// (active forløb, weighted load, capacity) today and on the first of each coming month, as
// pairs of bars with the numbers written on them and the capacity as a dashed line.
#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"
#include "report/board_render.hpp"

namespace cti::report::board {

using i18n::count_text;
using i18n::tr;

namespace {

constexpr double kTop = 22, kBars = 110, kHeight = 156;

std::string bar(const char* cls, double x, double w, double value, double vmax, const std::string& fill,
                const std::string& text) {
  const double base = kTop + kBars;
  const double h = vmax > 0 ? value / vmax * kBars : 0;
  std::string s = fmt::format(
      "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
      "stroke=\"#333333\" stroke-width=\"0.6\"/>",
      cls, num(x), num(base - h), num(w), num(h), fill);
  const double ty = h >= 18 ? base - h + 14 : base - h - 4;  // on the bar, or just above a short one
  s += fmt::format("<text class=\"bar-num\" x=\"{}\" y=\"{}\">{}</text>", num(x + w / 2), num(ty), esc(text));
  return s;
}

std::string column(const WorkerCaseload& w, const LoadAt& l, double x, double colw, double vmax,
                   const std::string& caption, bool now) {
  const int active = l.counts.active();
  const bool over = active > w.capacity + 1e-9;
  std::string s = fmt::format(
      "<g class=\"load\" data-worker=\"{}\" data-day=\"{}\" data-now=\"{}\" data-active=\"{}\" data-load=\"{}\" "
      "data-capacity=\"{}\" data-free=\"{}\">",
      esc(w.id), format_date(l.day), now ? "true" : "false", active, num(l.load), num(w.capacity), num(l.free));
  const double bw = colw * 0.32;
  s += bar("bar-active", x + colw * 0.14, bw, active, vmax, over ? "#d55e00" : "#56b4e9", std::to_string(active));
  s += bar("bar-load", x + colw * 0.14 + bw + 4, bw, l.load, vmax, "url(#p-load)", format_number(l.load));
  s += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>", num(x + colw / 2), num(kTop + kBars + 14),
                   esc(caption));
  if (over)
    s += fmt::format("<text class=\"axis over\" x=\"{}\" y=\"{}\" fill=\"#b00000\">{}</text>", num(x + colw / 2),
                     num(kTop + kBars + 26), esc(tr("over capacity", "over kapacitet")));
  return s + "</g>";
}

std::string chart(const Board& b, const WorkerCaseload& w, bool team) {
  std::vector<const LoadAt*> points{&w.now};
  for (const auto& l : w.forecast) points.push_back(&l);
  double vmax = std::max(1.0, w.capacity);
  for (const LoadAt* l : points) vmax = std::max({vmax, static_cast<double>(l->counts.active()), l->load});
  vmax *= 1.15;
  const double colw = kBoardAxisWidth / static_cast<double>(points.size());

  std::string title = team ? std::string(tr("team", "team")) : w.id;
  std::string s = fmt::format(
      "<div class=\"group\"><svg class=\"cl\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" data-worker=\"{2}\" data-team=\"{3}\">",
      num(kBoardWidth), num(kHeight), esc(w.id), team ? "true" : "false");
  s += fmt::format("<text class=\"id\" x=\"8\" y=\"{}\">{}</text>", num(kTop + 14), esc(title));
  std::string sub = !w.name.empty()     ? w.name
                    : !w.known && !team ? std::string(tr("not in cti.yaml", "ikke i cti.yaml"))
                                        : "";
  if (!sub.empty()) s += fmt::format("<text x=\"8\" y=\"{}\">{}</text>", num(kTop + 30), esc(sub));
  s += fmt::format("<text x=\"8\" y=\"{}\">{}</text>", num(kTop + 46),
                   esc(fmt::format(fmt::runtime(tr("FTE {}, capacity {}", "årsværk {}, kapacitet {}")),
                                   format_number(w.fte), format_number(w.capacity))));
  s += fmt::format("<path d=\"M{} {}H{}\" stroke=\"#888888\" stroke-width=\"0.8\"/>", num(kBoardLabelWidth),
                   num(kTop + kBars), num(kBoardLabelWidth + kBoardAxisWidth));
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::string caption = i == 0 ? fmt::format(fmt::runtime(tr("today {}", "i dag {}")), format_date(b.today))
                                 : month_label(points[i]->day);
    s += column(w, *points[i], kBoardLabelWidth + colw * static_cast<double>(i), colw, vmax, caption, i == 0);
  }
  const double cy = kTop + kBars - w.capacity / vmax * kBars;
  s += fmt::format(
      "<g class=\"capacity\" data-capacity=\"{0}\"><path d=\"M{1} {2}H{3}\" stroke=\"#111111\" stroke-width=\"1.5\" "
      "stroke-dasharray=\"6 4\"/><text class=\"bar-num\" x=\"{4}\" y=\"{5}\">{6}</text></g>",
      num(w.capacity), num(kBoardLabelWidth - 4), num(cy), num(kBoardLabelWidth + kBoardAxisWidth),
      num(kBoardLabelWidth - 40), num(cy - 3),
      esc(fmt::format(fmt::runtime(tr("capacity {}", "kapacitet {}")), format_number(w.capacity))));
  return s + "</svg></div>\n";
}

std::string key() {
  std::string s = "<svg class=\"legend\" viewBox=\"0 0 1340 26\" width=\"1340\" height=\"26\" role=\"img\">";
  s += "<rect x=\"4\" y=\"5\" width=\"16\" height=\"16\" fill=\"#56b4e9\" stroke=\"#333333\" stroke-width=\"0.6\"/>";
  s += "<text x=\"26\" y=\"18\">" + esc(tr("active forløb (count)", "aktive forløb (antal)")) + "</text>";
  s += "<rect x=\"230\" y=\"5\" width=\"16\" height=\"16\" fill=\"url(#p-load)\" stroke=\"#333333\" "
       "stroke-width=\"0.6\"/>";
  s += "<text x=\"252\" y=\"18\">" +
       esc(tr("weighted load (phase 1 = 1, phase 2 = 0.5, phase 3 = 0.25)",
              "vægtet belastning (fase 1 = 1, fase 2 = 0,5, fase 3 = 0,25)")) +
       "</text>";
  s += "<path d=\"M690 13h30\" stroke=\"#111111\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>";
  s += "<text x=\"726\" y=\"18\">" + esc(tr("capacity", "kapacitet")) + "</text>";
  s += "<rect x=\"830\" y=\"5\" width=\"16\" height=\"16\" fill=\"#d55e00\" stroke=\"#333333\" stroke-width=\"0.6\"/>";
  s += "<text x=\"852\" y=\"18\">" +
       esc(tr("active above capacity (\"over capacity\")", "aktive over kapaciteten (\"over kapacitet\")")) +
       "</text></svg>\n";
  return s;
}

}  // namespace

std::string render_caseload_section(const Board& b) {
  const Caseload& c = b.caseload;
  const Uncounted& u = b.uncounted;
  std::string s = "<section class=\"caseload\">\n<h2>" + esc(tr("Caseload", "Caseload")) + "</h2>\n";
  s +=
      "<p class=\"meta\">" +
      esc(tr(
          "Active forløb (fase1, fase2, fase3, overskredet) and weighted load against capacity, today and on the "
          "first of each coming month, assuming every forløb ends on its planned end (as cti caseload).",
          "Aktive forløb (fase1, fase2, fase3, overskredet) og vægtet belastning mod kapaciteten, i dag og den 1. "
          "i hver af de kommende måneder, hvis hvert forløb slutter på sin planlagte afslutning (som cti caseload).")) +
      "</p>\n";
  s += key();
  for (const auto& w : c.workers) s += chart(b, w, false);
  if (c.workers.size() > 1) s += chart(b, c.team, true);
  if (u.forloeb_with_errors > 0)
    s += "<p class=\"note\">" +
         esc(count_text(u.forloeb_with_errors, "{} forløb file with errors is counted; cti validate lists it.",
                        "{} forløb files with errors are counted; cti validate lists them.",
                        "{} forløbsfil med fejl er talt med; cti validate viser den.",
                        "{} forløbsfiler med fejl er talt med; cti validate viser dem.")) +
         "</p>\n";
  for (const auto& file : u.unreadable)
    s += "<p class=\"note\">" +
         esc(fmt::format(fmt::runtime(tr("{}: the dates cannot be read, so it is not counted.",
                                         "{}: datoerne kan ikke læses, så forløbet er ikke talt med.")),
                         file)) +
         "</p>\n";
  return s + "</section>\n";
}

}  // namespace cti::report::board
