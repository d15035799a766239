// The project settings of cti.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/checklist.hpp"
#include "base/lang.hpp"
#include "base/source.hpp"

namespace cti {

struct Worker {
  std::string id;
  std::string name;  // navn
  double fte = 1.0;  // årsværk
  Pos pos;
};

struct ChecklistAddition {
  ChecklistItem item;
  Pos pos;
};

struct Project {
  std::string file = "cti.yaml";
  std::string name;                                  // projekt
  std::string id_prefix = "K-";                      // id_præfiks
  double caseload_per_fte = 10.0;                    // caseload_pr_årsværk
  std::vector<Field<std::string>> subgroups;         // delmålgrupper
  std::vector<Worker> workers;                       // medarbejdere
  Field<int> move_in_months;                         // indflytning_tidligst_måneder
  std::vector<ChecklistAddition> checklist_add;      // tjeklister.tilføj
  std::vector<Field<std::string>> checklist_remove;  // tjeklister.fjern
  Field<Lang> lang;                                  // sprog
  std::vector<Field<std::string>> cpr_allowed;       // cpr_tilladt: exact numbers, or "re:" patterns

  const Worker* worker(const std::string& id) const;
  bool has_subgroup(const std::string& g) const;
  // Built-in checklist with tjeklister.fjern removed and tjeklister.tilføj appended.
  std::vector<ChecklistItem> checklist() const;
};

}  // namespace cti
