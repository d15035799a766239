// `cti caseload`: each worker's caseload today and a month-by-month forecast from the
// schedule. compute_caseload() does the counting (phases come from schedule::phase_on);
// the render_* functions only format.
//
// Definitions (man/cti-caseload.1):
// - active: forløb in fase1, fase2, fase3 or overskredet; kontakt is counted apart.
// - capacity: caseload_pr_årsværk x årsværk, a head count as in the manual ("about 10
//   borgere per full-time worker").
// - free places: capacity - active (may be negative: over capacity).
// - weighted load: the manual's intensity 4:2:1 across phases 1:2:3 with phase 1 = 1,
//   i.e. fase1 1, fase2 0.5, fase3 0.25, overskredet 0.25, kontakt 0.
// - forecast month k (k = 1..N): the first day of the k-th coming month, assuming every
//   forløb ends on its planned end m(opstart, 9) and one already past it ends now.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"
#include "report/uncounted.hpp"
#include "schedule/schedule.hpp"

namespace cti::report {

// The manual's 4:2:1 normalised so that a borger in phase 1 weighs 1.
double phase_weight(schedule::Phase p);

struct PhaseCounts {
  int kontakt = 0, fase1 = 0, fase2 = 0, fase3 = 0, overskredet = 0;
  int active() const { return fase1 + fase2 + fase3 + overskredet; }
  void add(schedule::Phase p);
  PhaseCounts& operator+=(const PhaseCounts& o);
};

// Move-ins at the same time: several borgere in phase 1, or two or more with indflytning
// in the same calendar month (among forløb in kontakt or fase1).
struct MoveInCluster {
  enum class Kind { phase1, same_month } kind;
  std::string month;             // YYYY-MM for same_month; empty for phase1
  std::vector<std::string> ids;  // the forløb, sorted
};

struct LoadAt {
  Date day;
  PhaseCounts counts;
  double load = 0;  // weighted
  double free = 0;  // capacity - active
};

struct WorkerCaseload {
  std::string id, name;
  bool known = true;  // false: the worker appears in forløb but not in cti.yaml (capacity 0)
  double fte = 0, capacity = 0;
  LoadAt now;
  std::vector<LoadAt> forecast;  // one per coming month
  std::vector<MoveInCluster> move_ins;
  bool over_capacity() const { return now.counts.active() > capacity + 1e-9; }
  // The first forecast day with at least one free place; `now.day` when there is one today.
  std::optional<Date> room_from() const;
};

struct Caseload {
  Date today;
  std::vector<WorkerCaseload> workers;  // cti.yaml order, then unknown workers by id
  WorkerCaseload team;                  // sums over the workers shown
  Uncounted uncounted;                  // what is not in the figures (report/uncounted.hpp)
};

struct CaseloadQuery {
  Date today;
  int months = 6;
  std::string worker;  // empty: every worker
};

// The first day of each of the `months` coming months after `today`.
std::vector<Date> forecast_days(Date today, int months);

// Phase on `day` for the forecast: as schedule::phase_on, but a forløb that would be
// overskredet on a forecast day is taken to have ended (afsluttet) by then.
schedule::Phase forecast_phase(const Forloeb& f, Date day);

std::vector<MoveInCluster> move_in_clusters(const std::vector<const Forloeb*>& forloeb, Date today, double capacity);

Caseload compute_caseload(const Project& project, const std::vector<Forloeb>& forloeb, const CaseloadQuery& q);

// 5, 4.5, 2.75 (at most two decimals, no trailing zeros); with a decimal comma in Danish.
std::string format_number(double v);

// `width`: the terminal's columns, which the table fits by abbreviating its headings (0: no limit,
// as in a pipe).
std::string render_caseload_table(const Caseload& c, bool color, std::size_t width = 0);
std::string render_caseload_json(const Caseload& c);
std::string render_caseload_csv(const Caseload& c);

}  // namespace cti::report
