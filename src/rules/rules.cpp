#include "rules/rules.hpp"

#include <iterator>

#include "base/parallel.hpp"

namespace cti::rules {

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = {
      {"id-mismatch", id_matches_file},
      {"duplicate-id", duplicate_id},
      {"unknown-worker", known_worker},
      {"unknown-subgroup", known_subgroup},
      {"unknown-item", known_checklist_item},
      {"date-order", date_order},
      {"early-start", move_in_window},
      {"future-date", future_date},
      {"past-planned-end", past_planned_end},
      {"project", project_consistency},
      {"cpr-file-tracked", cpr_file_untracked},
      {"unknown-contact-kind", known_contact_values},
      {"unknown-area", known_areas_and_roles},
      {"contact-outside-period", contact_in_period},
      {"peer-not-wanted", peer_matched_when_wanted},
      {"too-many-focus-areas", focus_area_count},
      {"goal-count", goal_count},
  };
  return rules;
}

Diagnostics validate(const LoadedRepo& repo, const Facts& facts) {
  // The rules are pure and only append: each runs on whichever core is free, into its own
  // list, and the lists join in the registry's order, so the stable sort below gives the
  // same result as one rule after the other.
  const auto& rules = all_rules();
  const Input in{repo, facts};
  std::vector<Diagnostics> each(rules.size());
  for_each_index(rules.size(), 1, [&](std::size_t i) { rules[i].fn(in, each[i]); });
  Diagnostics out = repo.diagnostics;
  for (auto& found : each)
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  sort_diagnostics(out);
  return out;
}

const std::vector<RuleInfo>& catalog() {
  return rule_registry();
}

}  // namespace cti::rules
