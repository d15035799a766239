// Output of `cti fidelity`: a table (figures down, workers across), JSON and CSV.
#include <fmt/format.h>

#include <cmath>

#include "base/csv.hpp"
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
  j.key("handed_over").value(f.handed_over);
  ratio_json(j, "completed_share", f.completed_share);
  median_json(j, "contact_period", f.contact_days);
  median_json(j, "length", f.length_days);
  ratio_json(j, "past_nine_months", f.past_nine_months);
  if (f.peer_support)
    ratio_json(j, "peer_support_offered", *f.peer_support);
  else
    j.key("peer_support_offered").null();
  j.end_object();
}

std::string opt_date(const std::optional<Date>& d) {
  return d ? format_date(*d) : "";
}

// One CSV line per worker: a ratio as two columns (count, out of), a median as n and days.
std::vector<std::string> fidelity_csv(const FidelityReport& r, const Fidelity& f, const std::string& worker) {
  std::vector<std::string> l = {worker, opt_date(r.from), format_date(r.evaluated), std::to_string(f.in_scope)};
  auto ratio = [&](const Ratio& x) {
    l.push_back(std::to_string(x.num));
    l.push_back(std::to_string(x.den));
  };
  auto median = [&](const Median& m) {
    auto v = m.value();
    l.push_back(std::to_string(m.days.size()));
    l.push_back(v ? csv::decimal(*v, 1) : "");
  };
  ratio(f.checklists);
  ratio(f.documentation);
  ratio(f.handover);
  for (int n : {f.ended, f.completed, f.interrupted, f.handed_over}) l.push_back(std::to_string(n));
  median(f.contact_days);
  median(f.length_days);
  ratio(f.past_nine_months);
  if (f.peer_support)
    ratio(*f.peer_support);
  else
    l.insert(l.end(), {"", ""});
  return l;
}

}  // namespace

std::string render_fidelity_table(const FidelityReport& r) {
  std::string out = r.from ? fmt::format(fmt::runtime(tr("Fidelity {} to {}\n\n", "Metodetroskab {} til {}\n\n")),
                                         format_date(*r.from), format_date(r.evaluated))
                           : fmt::format(fmt::runtime(tr("Fidelity up to {}\n\n", "Metodetroskab til og med {}\n\n")),
                                         format_date(r.evaluated));
  auto cols = columns_of(r);
  std::vector<Column> heads = {{""}};
  for (const Fidelity* f : cols) heads.push_back({f->worker, Align::right});
  Table t(heads);
  auto row = [&](std::string_view label, auto cell) {
    std::vector<Cell> cells = {std::string(label)};
    for (const Fidelity* f : cols) cells.emplace_back(cell(*f));
    t.add_row(cells);
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
  row(tr("  handed over (overdraget)", "  overdraget"),
      [](const Fidelity& f) { return std::to_string(f.handed_over); });
  row(tr("median contact period, days", "median kontaktperiode, dage"),
      [](const Fidelity& f) { return median_cell(f.contact_days); });
  row(tr("median length of forløb, days", "median forløbslængde, dage"),
      [](const Fidelity& f) { return median_cell(f.length_days); });
  row(tr("past 9 months", "over 9 måneder"), [](const Fidelity& f) { return ratio_cell(f.past_nine_months); });
  if (r.peer_tracked)
    row(tr("peer support offered", "peer-støtte tilbudt"),
        [](const Fidelity& f) { return f.peer_support ? ratio_cell(*f.peer_support) : std::string("-"); });
  out += t.render(false);
  return out;
}

std::string render_fidelity_csv(const FidelityReport& r) {
  std::vector<std::vector<std::string>> lines;
  for (const auto& w : r.workers) lines.push_back(fidelity_csv(r, w, w.worker));
  lines.push_back(fidelity_csv(r, r.team, "(team)"));
  return csv::document({"worker",
                        "from",
                        "to",
                        "in_scope",
                        "checklists_complete",
                        "checklists_due",
                        "documentation_on_time",
                        "documentation_due",
                        "handover_meetings_on_time",
                        "handover_meetings_due",
                        "ended",
                        "completed",
                        "interrupted",
                        "handed_over",
                        "contact_period_n",
                        "contact_period_median_days",
                        "length_n",
                        "length_median_days",
                        "past_nine_months",
                        "past_nine_months_of",
                        "peer_support_offered",
                        "peer_support_of"},
                       lines);
}

std::string render_fidelity_json(const FidelityReport& r) {
  JsonWriter j;
  j.begin_object();
  j.key("today").value(format_date(r.today));
  j.key("from");
  if (r.from)
    j.value(opt_date(r.from));
  else
    j.null();
  j.key("to").value(format_date(r.evaluated));
  j.key("peer_support_tracked").value(r.peer_tracked);
  j.key("workers").begin_array();
  for (const auto& w : r.workers) fidelity_json(j, w);
  j.end_array();
  j.key("team");
  fidelity_json(j, r.team);
  j.key("skipped_invalid").value(r.skipped_invalid);
  j.end_object();
  return j.str();
}

}  // namespace cti::report
