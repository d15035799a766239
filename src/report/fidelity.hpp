// `cti fidelity`: how closely the team follows the method, per worker and for the team.
// compute_fidelity() does all the counting (due dates from schedule::obligations); the
// render_* functions only format. Each figure is a numerator over a denominator, defined
// in man/cti-fidelity.1. E, the evaluation day, is the earlier of --to and today.
//
// In scope: valid forløb with opstart on or before E and no end before --from.
// - checklists: transitions (a forløb's checklist group kontakt, fase2, fase3 or
//   afslutning, dated by the latest due date of its items) dated in [from, E]; complete
//   when every item was done by its own due date or is marked ikke relevant.
// - documentation: documentation forms due in [from, E]; on time when dated by the due date.
// - handover: overdragelsesmøder due in [from, E] and not marked ikke relevant; held by
//   m(opstart, 8).
// - outcomes: forløb with afslutning.dato in [from, E], by status.
// - contact median: opstart - kontakt in days, for forløb with both and opstart in [from, E].
// - length median: afslutning.dato - opstart in days, for forløb ended in [from, E].
// - past 9 months: forløb in scope overskredet on E or ended after m(opstart, 9).
// - peer support: forløb in scope offered peer support (peer_støtte.tilbudt, or item
//   peer-støtte-tilbudt done) by E, over those in scope where the item is not marked
//   ikke relevant; only when the project tracks it (the item is in its checklists or some
//   forløb file has peer_støtte).
// The method's figures (the measurable items of the CTI fidelity scale):
// - time-limited: forløb ended in [from, E] that ended by m(opstart,9) + 14 days and,
//   when gennemført, not before m(opstart,9) - 14 days (no early "completed").
// - contacts per week in phase N: held contacts with the borger on the days of phase N
//   (fase1 [opstart, m3), fase2 [m3, m6), fase3 [m6, m9]) within [from, E] and up to the
//   end, over those days; per week = 7 x contacts / days. The ratio r1:r2:r3 is shown
//   with phase 3 = 1, against the manual's 4:2:1. Only forløb with a contact log.
// - home or community: of those held contacts with the borger, the ones hjemme or
//   lokalsamfund.
// - focus areas: phases begun in [from, E] (and before the end) that have 1-3 areas.
// - goals in plan: forløb whose langsigtet-plan is done by E and that list 2-3 mål;
//   goals reached: mål with nået by E, of forløb ended in [from, E].
// - peer matched: forløb with peer_støtte.ønsket: ja whose tilknyttet is dated by E.
// - anchored: forløb ended gennemført in [from, E] with ansvar_forankret_hos.
// - caseload: active forløb on E (fase1-3, overskredet) over caseload_pr_årsværk x årsværk.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"
#include "report/uncounted.hpp"

namespace cti::report {

struct Ratio {
  int num = 0, den = 0;
  std::optional<double> share() const;  // nothing when den == 0
  Ratio& operator+=(const Ratio& o);
};

struct Median {
  std::vector<int> days;                // the values, in the order found
  std::optional<double> value() const;  // nothing when empty; the mean of the middle two when even
};

struct Fidelity {
  std::string worker;  // medarbejder id; "team" for the totals
  int in_scope = 0;
  Ratio checklists, documentation, handover;
  int ended = 0, completed = 0, interrupted = 0, moved = 0;
  Ratio completed_share;  // completed / ended
  Median contact_days, length_days;
  Ratio past_nine_months;
  std::optional<Ratio> peer_support;  // nothing when the project does not track it
  Ratio time_limited;
  int with_contact_log = 0, without_contact_log = 0;  // forløb in scope
  std::array<Ratio, 3> contacts;                      // phase 1-3: held contacts / days
  Ratio home_or_community, focus_areas, goals_in_plan, goals_reached, peer_matched, anchored;
  int active = 0;       // caseload on E
  double capacity = 0;  // caseload_pr_årsværk x årsværk
  // Held contacts per week in phase 1-3 (nothing without days).
  std::optional<double> per_week(int phase) const;
  // r1/r3 and r2/r3 (phase 3 = 1); nothing when a rate is missing or r3 is 0.
  std::optional<std::array<double, 2>> intensity() const;
  void add(const Fidelity& o);
};

struct FidelityQuery {
  Date today;
  std::optional<Date> from, to;
  std::string worker;  // empty: every worker
};

struct FidelityReport {
  Date today, evaluated;  // evaluated = E
  std::optional<Date> from, to;
  std::vector<Fidelity> workers;  // cti.yaml order, then other medarbejder ids found in forløb
  Fidelity team;
  bool peer_tracked = false;
  Uncounted uncounted;  // what is not in the figures (report/uncounted.hpp)
};

inline constexpr const char* kPeerSupportItem = "peer-støtte-tilbudt";

// The figures of one forløb (added up per worker and team by compute_fidelity).
// Days of grace around m(opstart, 9) for the time-limited figure.
inline constexpr int kTimeLimitGraceDays = 14;

Fidelity fidelity_of(const Forloeb& f, const std::vector<ChecklistItem>& checklist, std::optional<Date> from, Date e,
                     bool peer_tracked, int documentation_grace_days = 0);

// The method's figures of one forløb in scope (fidelity_method.cpp), added to `r`.
void method_figures(const Forloeb& f, std::optional<Date> from, Date e, Fidelity& r);

FidelityReport compute_fidelity(const Project& project, const std::vector<Forloeb>& forloeb, const FidelityQuery& q);

// Figures down, workers across. With a width (a terminal's), workers that do not fit
// beside the others continue in a second block below, the labels repeated.
std::string render_fidelity_table(const FidelityReport& r, std::size_t width = 0);
std::string render_fidelity_json(const FidelityReport& r);
// The Danish Excel CSV (base/csv): one line per worker, then (team); see cti-fidelity(1).
std::string render_fidelity_csv(const FidelityReport& r);

}  // namespace cti::report
