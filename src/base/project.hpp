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
  std::string code;  // kode as written ("" = derived from the id, see id_code())
  Pos pos;
  Pos code_pos;
  // The worker's part of the ids `cti new` makes (K-MH-001): kode, else the first four
  // letters of the id in capitals (æ, ø, å as AE, OE, AA); "" when the id has no letters.
  std::string id_code() const;
};

// Whether `code` is a valid kode: 1-4 capital letters A-Z.
bool valid_worker_code(std::string_view code);

struct ChecklistAddition {
  ChecklistItem item;
  Pos pos;
};

// kontaktlog: at most this many days between held contacts, per phase (SPEC 3).
struct ContactLimits {
  int fase1 = 7, fase2 = 14, fase3 = 28;
  int for_phase(int phase) const { return phase == 1 ? fase1 : phase == 2 ? fase2 : fase3; }
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
  Field<ContactLimits> contact_log;                  // kontaktlog
  int documentation_grace_days = 0;                  // dokumentation_frist_dage
  int contact_period_days = 60;                      // kontakt_højst_dage (longest contact period)
  std::vector<Field<std::string>> areas;             // områder (added to the built-in areas)
  std::vector<Field<std::string>> roles;             // roller (added to the built-in roles)
  std::vector<Field<std::string>> cpr_allowed;       // cpr_tilladt: exact numbers, or "re:" patterns
  int cpr_keep_quarters = 1;                         // cpr_opbevaring_kvartaler (key file retention)

  const Worker* worker(const std::string& id) const;
  bool has_subgroup(const std::string& g) const;
  // Built-in checklist with tjeklister.fjern removed and tjeklister.tilføj appended.
  std::vector<ChecklistItem> checklist() const;
  // The built-in areas / roles followed by those of cti.yaml.
  std::vector<std::string> all_areas() const;
  std::vector<std::string> all_roles() const;
};

}  // namespace cti
