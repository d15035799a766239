// The counting behind `cti caseload` (definitions in caseload.hpp and man/cti-caseload.1).
#include "report/caseload.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "base/lang.hpp"
#include "report/by_worker.hpp"

namespace cti::report {

namespace {

constexpr double kEps = 1e-9;

std::string month_of(Date d) {
  return fmt::format("{:04}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
}

LoadAt load_at(Date day, const PhaseCounts& counts, double capacity) {
  LoadAt l{day, counts, 0, 0};
  l.load = counts.fase1 * phase_weight(schedule::Phase::fase1) + counts.fase2 * phase_weight(schedule::Phase::fase2) +
           counts.fase3 * phase_weight(schedule::Phase::fase3) +
           counts.overskredet * phase_weight(schedule::Phase::overskredet);
  l.free = capacity - counts.active();
  return l;
}

WorkerCaseload worker_caseload(std::string id, std::string name, bool known, double fte, double per_fte,
                               const std::vector<const Forloeb*>& mine, const CaseloadQuery& q,
                               const std::vector<Date>& days) {
  WorkerCaseload w;
  w.id = std::move(id);
  w.name = std::move(name);
  w.known = known;
  w.fte = known ? fte : 0;
  w.capacity = w.fte * per_fte;
  PhaseCounts now;
  for (const Forloeb* f : mine) now.add(schedule::phase_on(*f, q.today));
  w.now = load_at(q.today, now, w.capacity);
  for (Date day : days) {
    PhaseCounts c;
    for (const Forloeb* f : mine) c.add(forecast_phase(*f, day));
    w.forecast.push_back(load_at(day, c, w.capacity));
  }
  w.move_ins = move_in_clusters(mine, q.today, w.capacity);
  return w;
}

void add_into(LoadAt& sum, const LoadAt& x) {
  sum.day = x.day;
  sum.counts += x.counts;
  sum.load += x.load;
  sum.free += x.free;
}

}  // namespace

double phase_weight(schedule::Phase p) {
  switch (p) {
    case schedule::Phase::fase1:
      return 1.0;
    case schedule::Phase::fase2:
      return 0.5;
    case schedule::Phase::fase3:
    case schedule::Phase::overskredet:
      return 0.25;
    case schedule::Phase::kontakt:
    case schedule::Phase::afsluttet:
      return 0.0;
  }
  return 0.0;
}

void PhaseCounts::add(schedule::Phase p) {
  switch (p) {
    case schedule::Phase::kontakt:
      ++kontakt;
      break;
    case schedule::Phase::fase1:
      ++fase1;
      break;
    case schedule::Phase::fase2:
      ++fase2;
      break;
    case schedule::Phase::fase3:
      ++fase3;
      break;
    case schedule::Phase::overskredet:
      ++overskredet;
      break;
    case schedule::Phase::afsluttet:
      break;
  }
}

PhaseCounts& PhaseCounts::operator+=(const PhaseCounts& o) {
  kontakt += o.kontakt;
  fase1 += o.fase1;
  fase2 += o.fase2;
  fase3 += o.fase3;
  overskredet += o.overskredet;
  return *this;
}

std::optional<Date> WorkerCaseload::room_from() const {
  if (now.free >= 1 - kEps) return now.day;
  for (const auto& l : forecast)
    if (l.free >= 1 - kEps) return l.day;
  return std::nullopt;
}

std::vector<Date> forecast_days(Date today, int months) {
  std::vector<Date> out;
  std::chrono::year_month ym = today.year() / today.month();
  for (int k = 1; k <= months; ++k) out.push_back(Date{(ym + std::chrono::months(k)) / std::chrono::day(1)});
  return out;
}

schedule::Phase forecast_phase(const Forloeb& f, Date day) {
  schedule::Phase p = schedule::phase_on(f, day);
  return p == schedule::Phase::overskredet ? schedule::Phase::afsluttet : p;
}

std::vector<MoveInCluster> move_in_clusters(const std::vector<const Forloeb*>& forloeb, Date today, double capacity) {
  std::vector<MoveInCluster> out;
  std::vector<std::string> phase1;
  std::map<std::string, std::vector<std::string>> by_month;
  for (const Forloeb* f : forloeb) {
    schedule::Phase p = schedule::phase_on(*f, today);
    const std::string& id = f->display_id();
    if (p == schedule::Phase::fase1) phase1.push_back(id);
    if ((p == schedule::Phase::fase1 || p == schedule::Phase::kontakt) && f->move_in)
      by_month[month_of(*f->move_in)].push_back(id);
  }
  // Several in phase 1: two or more, and more than a steady intake gives (a third of
  // the capacity, since phase 1 is a third of the nine months).
  const int n1 = static_cast<int>(phase1.size());
  if (n1 >= 2 && n1 > capacity / 3 + kEps) {
    std::sort(phase1.begin(), phase1.end());
    out.push_back({MoveInCluster::Kind::phase1, "", phase1});
  }
  for (auto& [month, ids] : by_month) {
    if (ids.size() < 2) continue;
    std::sort(ids.begin(), ids.end());
    out.push_back({MoveInCluster::Kind::same_month, month, ids});
  }
  return out;
}

Caseload compute_caseload(const Project& project, const std::vector<Forloeb>& forloeb, const CaseloadQuery& q) {
  Caseload c;
  c.today = q.today;
  const auto days = forecast_days(q.today, q.months);
  auto grouped = group_by_worker(project, forloeb, q.worker);
  c.uncounted = uncounted(forloeb, {}, q.worker);  // the CLI adds the tree's other entries
  for (const auto& g : grouped.groups)
    c.workers.push_back(worker_caseload(g.id, g.worker ? g.worker->name : "", g.worker != nullptr,
                                        g.worker ? g.worker->fte : 0, project.caseload_per_fte, g.forloeb, q, days));

  WorkerCaseload& t = c.team;
  t.id = "team";
  t.now.day = q.today;
  for (Date d : days) t.forecast.push_back(LoadAt{d, {}, 0, 0});
  for (const auto& w : c.workers) {
    t.fte += w.fte;
    t.capacity += w.capacity;
    add_into(t.now, w.now);
    for (std::size_t k = 0; k < days.size(); ++k) add_into(t.forecast[k], w.forecast[k]);
  }
  return c;
}

std::string format_number(double v) {
  double r = std::round(v * 100) / 100;
  if (r == 0) r = 0;  // no "-0"
  std::string s = fmt::format("{:.2f}", r);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (i18n::lang() == Lang::da) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

}  // namespace cti::report
