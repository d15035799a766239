// `cti fidelity --format csv`: one line per worker and one for the team, in the Danish
// Excel dialect of base/csv. A ratio is two columns (count, out of), a median two (n, days).
#include "base/csv.hpp"
#include "report/fidelity.hpp"

namespace cti::report {

namespace {

std::string opt_date(const std::optional<Date>& d) {
  return d ? format_date(*d) : "";
}

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
  for (int n : {f.ended, f.completed, f.interrupted, f.moved}) l.push_back(std::to_string(n));
  median(f.contact_days);
  median(f.length_days);
  ratio(f.past_nine_months);
  if (f.peer_support)
    ratio(*f.peer_support);
  else
    l.insert(l.end(), {"", ""});
  ratio(f.time_limited);
  l.push_back(std::to_string(f.with_contact_log));
  l.push_back(std::to_string(f.without_contact_log));
  for (const Ratio& c : f.contacts) ratio(c);
  for (const Ratio* x :
       {&f.home_or_community, &f.focus_areas, &f.goals_in_plan, &f.goals_reached, &f.peer_matched, &f.anchored})
    ratio(*x);
  l.push_back(std::to_string(f.active));
  l.push_back(csv::decimal(f.capacity));
  return l;
}

}  // namespace

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
                        "moved",
                        "contact_period_n",
                        "contact_period_median_days",
                        "length_n",
                        "length_median_days",
                        "past_nine_months",
                        "past_nine_months_of",
                        "peer_support_offered",
                        "peer_support_of",
                        "time_limited",
                        "time_limited_of",
                        "with_contact_log",
                        "without_contact_log",
                        "phase1_contacts",
                        "phase1_days",
                        "phase2_contacts",
                        "phase2_days",
                        "phase3_contacts",
                        "phase3_days",
                        "home_or_community",
                        "home_or_community_of",
                        "focus_areas_1_to_3",
                        "focus_areas_of",
                        "plans_with_2_to_3_goals",
                        "plans_of",
                        "goals_reached",
                        "goals_of",
                        "peer_support_matched",
                        "peer_support_wanted",
                        "responsibility_anchored",
                        "responsibility_of",
                        "active",
                        "capacity"},
                       lines);
}

}  // namespace cti::report
