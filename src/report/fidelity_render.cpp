// Output of `cti fidelity`: a table (figures down, workers across), JSON and CSV.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/json.hpp"
#include "base/lang.hpp"
#include "report/caseload.hpp"
#include "report/fidelity.hpp"
#include "report/table.hpp"

namespace cti::report {

using i18n::tr;

namespace {

std::string ratio_cell(const Ratio& r) {
  if (r.den == 0) return "-";
  return fmt::format("{}/{} ({}%)", r.num, r.den, static_cast<int>(std::lround(100.0 * r.num / r.den)));
}

std::string median_cell(const Median& m) {
  auto v = m.value();
  if (!v) return "-";
  return fmt::format("{} (n={})", format_number(*v), m.days.size());
}

// "2 (26/91)": held contacts per week, then contacts over days.
std::string per_week_cell(const Fidelity& f, int phase) {
  const Ratio& c = f.contacts[phase - 1];
  if (c.den == 0) return "-";
  return fmt::format("{} ({}/{})", format_number(*f.per_week(phase)), c.num, c.den);
}

std::string intensity_cell(const Fidelity& f) {
  auto r = f.intensity();
  if (!r) return "-";
  return fmt::format("{}:{}:1", format_number((*r)[0]), format_number((*r)[1]));
}

std::string caseload_cell(const Fidelity& f) {
  if (f.capacity <= 0) return f.active ? fmt::format("{}/0", f.active) : "-";
  return fmt::format("{}/{}", f.active, format_number(f.capacity));
}

std::vector<const Fidelity*> columns_of(const FidelityReport& r) {
  std::vector<const Fidelity*> cols;
  for (const auto& w : r.workers) cols.push_back(&w);
  if (r.workers.size() != 1) cols.push_back(&r.team);
  return cols;
}

void ratio_json(JsonWriter& j, const char* key, const Ratio& r) {
  j.key(key).begin_object();
  j.key("numerator").value(r.num);
  j.key("denominator").value(r.den);
  j.key("share");
  if (auto s = r.share())
    j.value(std::round(*s * 10000) / 10000);
  else
    j.null();
  j.end_object();
}

void median_json(JsonWriter& j, const char* key, const Median& m) {
  j.key(key).begin_object();
  j.key("n").value(static_cast<int>(m.days.size()));
  j.key("median_days");
  if (auto v = m.value())
    j.value(*v);
  else
    j.null();
  j.end_object();
}

void fidelity_json(JsonWriter& j, const Fidelity& f) {
  j.begin_object();
  j.key("worker").value(f.worker);
  j.key("in_scope").value(f.in_scope);
  ratio_json(j, "checklists_complete", f.checklists);
  ratio_json(j, "documentation_on_time", f.documentation);
  ratio_json(j, "handover_meetings_on_time", f.handover);
  j.key("ended").value(f.ended);
  j.key("completed").value(f.completed);
  j.key("interrupted").value(f.interrupted);
  j.key("moved").value(f.moved);
  ratio_json(j, "completed_share", f.completed_share);
  median_json(j, "contact_period", f.contact_days);
  median_json(j, "length", f.length_days);
  ratio_json(j, "past_nine_months", f.past_nine_months);
  if (f.peer_support)
    ratio_json(j, "peer_support_offered", *f.peer_support);
  else
    j.key("peer_support_offered").null();
  ratio_json(j, "time_limited", f.time_limited);
  j.key("with_contact_log").value(f.with_contact_log);
  j.key("without_contact_log").value(f.without_contact_log);
  for (int p = 1; p <= 3; ++p) {
    const Ratio& c = f.contacts[p - 1];
    j.key(fmt::format("contacts_phase{}", p)).begin_object();
    j.key("contacts").value(c.num);
    j.key("days").value(c.den);
    j.key("per_week");
    if (auto w = f.per_week(p))
      j.value(std::round(*w * 100) / 100);
    else
      j.null();
    j.end_object();
  }
  j.key("intensity_ratio");
  if (auto r = f.intensity())
    j.begin_array().value(std::round((*r)[0] * 100) / 100).value(std::round((*r)[1] * 100) / 100).value(1).end_array();
  else
    j.null();
  ratio_json(j, "home_or_community", f.home_or_community);
  ratio_json(j, "focus_areas_1_to_3", f.focus_areas);
  ratio_json(j, "goals_2_to_3", f.goals_in_plan);
  ratio_json(j, "goals_reached", f.goals_reached);
  ratio_json(j, "peer_support_matched", f.peer_matched);
  ratio_json(j, "responsibility_anchored", f.anchored);
  j.key("caseload").begin_object();
  j.key("active").value(f.active);
  j.key("capacity").value(f.capacity);
  j.end_object();
  j.end_object();
}

// One figure: its label and a cell per column of columns_of().
struct FigureRow {
  std::string label;
  std::vector<std::string> cells;
};

// The table of the columns [first, last): the labels, then those workers.
std::string figure_block(const std::vector<const Fidelity*>& cols, const std::vector<FigureRow>& rows,
                         std::size_t first, std::size_t last) {
  std::vector<Column> heads = {{""}};
  for (std::size_t i = first; i < last; ++i) heads.push_back({cols[i]->worker, Align::right});
  Table t(heads);
  for (const auto& fr : rows) {
    std::vector<Cell> cells = {fr.label};
    for (std::size_t i = first; i < last; ++i) cells.emplace_back(fr.cells[i]);
    t.add_row(cells);
  }
  return t.render(false);
}

std::size_t widest_line(const std::string& text) {
  std::size_t w = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    w = std::max(w, display_width(std::string_view(text).substr(at, nl - at)));
    at = nl + 1;
  }
  return w;
}

}  // namespace

std::string render_fidelity_table(const FidelityReport& r, std::size_t width) {
  std::string out = r.from ? fmt::format(fmt::runtime(tr("Fidelity {} to {}\n\n", "Metodetroskab {} til {}\n\n")),
                                         format_date(*r.from), format_date(r.evaluated))
                           : fmt::format(fmt::runtime(tr("Fidelity up to {}\n\n", "Metodetroskab til og med {}\n\n")),
                                         format_date(r.evaluated));
  auto cols = columns_of(r);
  std::vector<FigureRow> rows;
  auto row = [&](std::string_view label, auto cell) {
    FigureRow fr{std::string(label), {}};
    for (const Fidelity* f : cols) fr.cells.push_back(cell(*f));
    rows.push_back(std::move(fr));
  };
  row(tr("forløb in scope", "forløb i opgørelsen"), [](const Fidelity& f) { return std::to_string(f.in_scope); });
  row(tr("checklists complete by due date", "tjeklister komplette ved fristen"),
      [](const Fidelity& f) { return ratio_cell(f.checklists); });
  row(tr("documentation on time", "dokumentation til tiden"),
      [](const Fidelity& f) { return ratio_cell(f.documentation); });
  row(tr("handover meetings by m(opstart,8)", "overdragelsesmøder senest m(opstart,8)"),
      [](const Fidelity& f) { return ratio_cell(f.handover); });
  row(tr("ended", "afsluttet"), [](const Fidelity& f) { return std::to_string(f.ended); });
  row(tr("  completed", "  gennemført"), [](const Fidelity& f) { return ratio_cell(f.completed_share); });
  row(tr("  interrupted (afbrudt)", "  afbrudt"), [](const Fidelity& f) { return std::to_string(f.interrupted); });
  row(tr("  moved (flyttet)", "  flyttet"), [](const Fidelity& f) { return std::to_string(f.moved); });
  row(tr("median contact period, days", "median kontaktperiode, dage"),
      [](const Fidelity& f) { return median_cell(f.contact_days); });
  row(tr("median length of forløb, days", "median forløbslængde, dage"),
      [](const Fidelity& f) { return median_cell(f.length_days); });
  row(tr("past 9 months", "over 9 måneder"), [](const Fidelity& f) { return ratio_cell(f.past_nine_months); });
  if (r.peer_tracked)
    row(tr("peer support offered", "peer-støtte tilbudt"),
        [](const Fidelity& f) { return f.peer_support ? ratio_cell(*f.peer_support) : std::string("-"); });
  row(tr("time-limited (9 months ±14 d)", "tidsafgrænset (9 mdr. ±14 d)"),
      [](const Fidelity& f) { return ratio_cell(f.time_limited); });
  row(tr("contacts/week phase 1 (n/days)", "kontakter/uge fase 1 (n/dage)"),
      [](const Fidelity& f) { return per_week_cell(f, 1); });
  row(tr("contacts/week phase 2 (n/days)", "kontakter/uge fase 2 (n/dage)"),
      [](const Fidelity& f) { return per_week_cell(f, 2); });
  row(tr("contacts/week phase 3 (n/days)", "kontakter/uge fase 3 (n/dage)"),
      [](const Fidelity& f) { return per_week_cell(f, 3); });
  row(tr("intensity 1:2:3 (manual 4:2:1)", "intensitet 1:2:3 (manual 4:2:1)"),
      [](const Fidelity& f) { return intensity_cell(f); });
  row(tr("contacts at home/in community", "kontakter hjemme/i lokalsamfund"),
      [](const Fidelity& f) { return ratio_cell(f.home_or_community); });
  row(tr("phases with 1-3 focus areas", "faser med 1-3 fokusområder"),
      [](const Fidelity& f) { return ratio_cell(f.focus_areas); });
  row(tr("plans with 2-3 goals", "planer med 2-3 mål"), [](const Fidelity& f) { return ratio_cell(f.goals_in_plan); });
  row(tr("goals reached (ended forløb)", "mål nået (afsluttede forløb)"),
      [](const Fidelity& f) { return ratio_cell(f.goals_reached); });
  row(tr("peer support matched when wanted", "peer-støtte tilknyttet når ønsket"),
      [](const Fidelity& f) { return ratio_cell(f.peer_matched); });
  row(tr("responsibility anchored", "ansvar forankret"), [](const Fidelity& f) { return ratio_cell(f.anchored); });
  row(tr("caseload: active/capacity", "caseload: aktive/kapacitet"),
      [](const Fidelity& f) { return caseload_cell(f); });
  // Workers across: as many columns as the width takes, then the next block below.
  std::size_t first = 0;
  while (first < cols.size()) {
    std::size_t last = width == 0 ? cols.size() : first + 1;
    std::string block = figure_block(cols, rows, first, last);
    while (last < cols.size()) {
      std::string wider = figure_block(cols, rows, first, last + 1);
      if (widest_line(wider) > width) break;
      block = std::move(wider);
      ++last;
    }
    out += (first > 0 ? "\n" : "") + block;
    first = last;
  }
  const Fidelity& all = r.workers.size() == 1 ? r.workers.front() : r.team;
  if (all.without_contact_log)
    out +=
        fmt::format(fmt::runtime(tr("\nforløb without a contact log (kontakter), left out of the contact figures: {}\n",
                                    "\nforløb uden kontaktlog (kontakter), udeladt af kontakttallene: {}\n")),
                    all.without_contact_log);
  return out;
}

std::string render_fidelity_json(const FidelityReport& r) {
  JsonWriter j;
  j.begin_object();
  j.key("today").value(format_date(r.today));
  j.key("from");
  if (r.from)
    j.value(format_date(*r.from));
  else
    j.null();
  j.key("to").value(format_date(r.evaluated));
  j.key("peer_support_tracked").value(r.peer_tracked);
  j.key("workers").begin_array();
  for (const auto& w : r.workers) fidelity_json(j, w);
  j.end_array();
  j.key("team");
  fidelity_json(j, r.team);
  write_uncounted_json(j, r.uncounted);
  j.end_object();
  return std::move(j).str();
}

}  // namespace cti::report
