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
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"

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
  int ended = 0, completed = 0, interrupted = 0, handed_over = 0;
  Ratio completed_share;  // completed / ended
  Median contact_days, length_days;
  Ratio past_nine_months;
  std::optional<Ratio> peer_support;  // nothing when the project does not track it
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
  int skipped_invalid = 0;
};

inline constexpr const char* kPeerSupportItem = "peer-støtte-tilbudt";

// The figures of one forløb (added up per worker and team by compute_fidelity).
Fidelity fidelity_of(const Forloeb& f, const std::vector<ChecklistItem>& checklist, std::optional<Date> from, Date e,
                     bool peer_tracked);

FidelityReport compute_fidelity(const Project& project, const std::vector<Forloeb>& forloeb, const FidelityQuery& q);

std::string render_fidelity_table(const FidelityReport& r);
std::string render_fidelity_json(const FidelityReport& r);
// The Danish Excel CSV (base/csv): one line per worker, then (team); see cti-fidelity(1).
std::string render_fidelity_csv(const FidelityReport& r);

}  // namespace cti::report
