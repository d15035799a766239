// The validate stage: rules are pure functions from the loaded repository (and a few
// facts about the outside world) to diagnostics. All of them run; none stops the others.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/rule_registry.hpp"
#include "load/repo.hpp"

namespace cti::rules {

// What the rules need to know beyond the files themselves.
struct Facts {
  Date today;
  bool cpr_file_tracked = false;  // the CPR key file is tracked by git
  std::string cpr_file;           // its path relative to the repository root
};

struct Input {
  const LoadedRepo& repo;
  const Facts& facts;
};

using RuleFn = void (*)(const Input&, Diagnostics&);

struct Rule {
  std::string_view name;
  RuleFn fn;
};

// The rules run after loading, each on its own (several at once, on the cores there are):
// a rule reads the repository and only appends to its list.
const std::vector<Rule>& all_rules();

// Runs every rule and returns the diagnostics of loading and checking, sorted.
Diagnostics validate(const LoadedRepo& repo, const Facts& facts);

// Every rule name the tool can emit (base/rule_registry), for the manual and --list-rules.
const std::vector<RuleInfo>& catalog();

// Rule implementations (forloeb_rules.cpp, repo_rules.cpp, method_rules.cpp).
void id_matches_file(const Input&, Diagnostics&);
void duplicate_id(const Input&, Diagnostics&);
void known_worker(const Input&, Diagnostics&);
void known_subgroup(const Input&, Diagnostics&);
void known_checklist_item(const Input&, Diagnostics&);
void date_order(const Input&, Diagnostics&);
void move_in_window(const Input&, Diagnostics&);
void future_date(const Input&, Diagnostics&);
void past_planned_end(const Input&, Diagnostics&);
void project_consistency(const Input&, Diagnostics&);
void cpr_file_untracked(const Input&, Diagnostics&);
// method_rules.cpp: contact log, phase plan, goals, peer support, anchored role.
void known_contact_values(const Input&, Diagnostics&);
void known_areas_and_roles(const Input&, Diagnostics&);
void contact_in_period(const Input&, Diagnostics&);
void peer_matched_when_wanted(const Input&, Diagnostics&);
void focus_area_count(const Input&, Diagnostics&);
void goal_count(const Input&, Diagnostics&);

}  // namespace cti::rules
