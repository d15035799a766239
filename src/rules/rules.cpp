#include "rules/rules.hpp"

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
  Diagnostics out = repo.diagnostics;
  Input in{repo, facts};
  for (const auto& rule : all_rules()) rule.fn(in, out);
  sort_diagnostics(out);
  return out;
}

const std::vector<RuleInfo>& catalog() {
  return rule_registry();
}

}  // namespace cti::rules
