#include "report/quarter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "base/csv.hpp"
#include "base/json.hpp"

namespace cti::report {

namespace {
bool within(Date d, const Quarter& q) {
  return q.first_day() <= d && d <= q.last_day();
}

std::string_view yes_no(bool b) {
  return b ? "ja" : "nej";
}
}  // namespace

Date Quarter::first_day() const {
  return Date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(3 * (number - 1) + 1)},
              std::chrono::day{1}};
}

Date Quarter::last_day() const {
  return add_days(add_months(first_day(), 3), -1);
}

std::string Quarter::name() const {
  return fmt::format("{:04}-Q{}", year, number);
}

std::optional<Quarter> parse_quarter(std::string_view t) {
  if (t.size() != 7 || t[4] != '-' || (t[5] != 'Q' && t[5] != 'q')) return std::nullopt;
  int y = 0;
  for (char c : t.substr(0, 4)) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (y < 1900 || t[6] < '1' || t[6] > '4') return std::nullopt;
  return Quarter{y, t[6] - '0'};
}

Quarter quarter_of(Date d) {
  return Quarter{static_cast<int>(d.year()), static_cast<int>((static_cast<unsigned>(d.month()) - 1) / 3 + 1)};
}

Quarter previous_quarter(Quarter q) {
  return q.number == 1 ? Quarter{q.year - 1, 4} : Quarter{q.year, q.number - 1};
}

Quarter last_completed_quarter(Date today) {
  return previous_quarter(quarter_of(today));
}

bool included(const Forloeb& f, const Quarter& q) {
  if (!f.start || *f.start > q.last_day()) return false;
  auto end = f.end_date();
  return !(end && *end < q.first_day());
}

std::vector<QuarterRow> quarter_rows(const std::vector<Forloeb>& forloeb, const Quarter& q) {
  std::vector<QuarterRow> rows;
  for (const auto& f : forloeb) {
    // A file with errors still gives its row (report --pseudonym shows it; the CPR report
    // refuses while it has errors); only unreadable dates leave nothing to place.
    if (!f.dates_readable() || !included(f, q)) continue;
    QuarterRow r{f.display_id(), f.subgroup ? *f.subgroup : "", *f.start, std::nullopt, std::nullopt};
    if (auto end = f.end_date(); end && *end <= q.last_day()) {
      r.end = *end;
      r.completed = f.end_status() == EndStatus::completed;
    }
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(),
            [](const QuarterRow& a, const QuarterRow& b) { return std::tie(a.start, a.id) < std::tie(b.start, b.id); });
  return rows;
}

QuarterSummary summarize(const std::vector<QuarterRow>& rows, const Quarter& q, const Project& p) {
  QuarterSummary s;
  std::map<std::string, int> counts;
  for (const auto& r : rows) {
    ++s.rows;
    if (within(r.start, q)) ++s.started;
    if (r.end && within(*r.end, q)) ++s.ended;
    if (r.completed.value_or(false)) ++s.completed;
    ++counts[r.subgroup];
  }
  for (const auto& g : p.subgroups)
    if (auto it = counts.find(*g); it != counts.end()) {
      s.by_subgroup.emplace_back(it->first, it->second);
      counts.erase(it);
    }
  for (const auto& [g, n] : counts) s.by_subgroup.emplace_back(g, n);
  return s;
}

std::string render_csv(const std::vector<QuarterRow>& rows, const KeyFn& key, bool pseudonym) {
  std::vector<std::vector<std::string>> lines;
  for (const auto& r : rows)
    lines.push_back({key(r), format_date(r.start), r.end ? format_date(*r.end) : "", r.subgroup,
                     r.completed ? std::string(yes_no(*r.completed)) : ""});
  return csv::document(
      {pseudonym ? "Forløbs-id" : "CPR-nummer", "Opstartsdato", "Afslutningsdato", "Delmålgruppe", "Gennemført"},
      lines);
}

std::string render_json(const std::vector<QuarterRow>& rows, const KeyFn& key, bool pseudonym, const Quarter& q,
                        const Project& p) {
  JsonWriter w;
  w.begin_object();
  w.key("quarter").value(q.name());
  w.key("first_day").value(format_date(q.first_day()));
  w.key("last_day").value(format_date(q.last_day()));
  w.key("project").value(p.name);
  w.key("rows").begin_array();
  for (const auto& r : rows) {
    w.begin_object();
    w.key(pseudonym ? "id" : "cpr").value(key(r));
    w.key("start").value(format_date(r.start));
    w.key("end");
    if (r.end)
      w.value(format_date(*r.end));
    else
      w.null();
    w.key("subgroup").value(r.subgroup);
    w.key("completed");
    if (r.completed)
      w.value(*r.completed);
    else
      w.null();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return std::move(w).str();
}

}  // namespace cti::report
