#include "base/rule_registry.hpp"

#include <algorithm>

namespace cti {

const std::vector<RuleInfo>& rule_registry() {
  static const std::vector<RuleInfo> rules = {
      {"yaml-syntax", Severity::error, "the file is not valid YAML (position from the parser)",
       "filen er ikke gyldig YAML (position fra parseren)"},
      {"merge-conflict", Severity::error, "a git merge-conflict marker, or an unmerged path in the index",
       "en git-flettekonfliktmarkør eller en uløst sti i indekset"},
      {"tab-indent", Severity::error, "a tab character in indentation", "et tabulatortegn i indrykningen"},
      {"encoding", Severity::error, "a binary file or one that is not UTF-8",
       "en binær fil eller en fil der ikke er UTF-8"},
      {"file-too-large", Severity::error, "a file larger than 1 MiB", "en fil større end 1 MiB"},
      {"empty-file", Severity::error, "an empty file", "en tom fil"},
      {"unreadable", Severity::error, "a file that cannot be read", "en fil der ikke kan læses"},
      {"missing-key", Severity::error, "a required key is missing or has no value",
       "en påkrævet nøgle mangler eller er tom"},
      {"unknown-key", Severity::error, "a key the format does not have (with a suggestion)",
       "en nøgle formatet ikke kender (med et forslag)"},
      {"duplicate-key", Severity::error, "the same key twice in one mapping", "samme nøgle to gange i en mapping"},
      {"wrong-type", Severity::error, "a list, mapping or text where something else belongs",
       "en liste, mapping eller tekst hvor der skal stå noget andet"},
      {"invalid-date", Severity::error, "not a real YYYY-MM-DD calendar date", "ikke en rigtig ÅÅÅÅ-MM-DD-dato"},
      {"invalid-value", Severity::error, "a value outside what the key allows",
       "en værdi uden for det nøglen tillader"},
      {"invalid-status", Severity::error, "afslutning.status other than gennemført, afbrudt or overdraget",
       "afslutning.status er ikke gennemført, afbrudt eller overdraget"},
      {"id-mismatch", Severity::error, "id differs from the file name", "id er forskelligt fra filnavnet"},
      {"duplicate-id", Severity::error, "two files with the same id", "to filer med samme id"},
      {"unknown-worker", Severity::error, "medarbejder not in cti.yaml", "medarbejder findes ikke i cti.yaml"},
      {"unknown-subgroup", Severity::error, "delmålgruppe not in cti.yaml", "delmålgruppe findes ikke i cti.yaml"},
      {"unknown-item", Severity::error, "a checklist item that no checklist has",
       "et tjeklistepunkt som ingen tjekliste har"},
      {"duplicate-item", Severity::error, "a checklist item id defined twice", "et tjeklistepunkt defineret to gange"},
      {"duplicate-worker", Severity::error, "two medarbejdere with the same id", "to medarbejdere med samme id"},
      {"date-order", Severity::error,
       "dates out of order: kontakt <= opstart <= afslutning.dato, nothing recorded before kontakt",
       "datoer i forkert rækkefølge: kontakt <= opstart <= afslutning.dato, intet registreret før kontakt"},
      {"early-start", Severity::error, "opstart earlier than indflytning_tidligst_måneder allows",
       "opstart tidligere end indflytning_tidligst_måneder tillader"},
      {"cpr-leak", Severity::error, "a possible CPR number in a tracked file (never echoed)",
       "et muligt CPR-nummer i en versioneret fil (gentages aldrig)"},
      {"cpr-file-tracked", Severity::error, "the CPR key file is tracked by git",
       "CPR-nøglefilen er versioneret i git"},
      {"future-date", Severity::warning, "a date after today", "en dato efter i dag"},
      {"past-planned-end", Severity::warning, "past m(opstart, 9) with no afslutning",
       "forbi m(opstart, 9) uden afslutning"},
      {"file-name", Severity::error, "a file in the forloeb/ tree named .yml (or .YAML) that cti would not read",
       "en fil i forloeb/ med endelsen .yml (eller .YAML), som cti ikke ville læse"},
      {"stray-file", Severity::warning, "a file in the forloeb/ tree that is not a forløb file (ID.yaml)",
       "en fil i forloeb/ der ikke er en forløbsfil (ID.yaml)"},
      {"broken-link", Severity::error, "a symbolic link in the forloeb/ tree whose target does not exist",
       "et symbolsk link i forloeb/ hvis mål ikke findes"},
      {"folder-link", Severity::error, "a symbolic link to a folder in the forloeb/ tree (not followed)",
       "et symbolsk link til en mappe i forloeb/ (følges ikke)"},
      {"cpr-syntax", Severity::error, "the CPR key file is not valid YAML", "CPR-nøglefilen er ikke gyldig YAML"},
      {"cpr-format", Severity::error, "a key file entry that is not 'ID: DDMMYY-SSSS'",
       "en linje i nøglefilen der ikke er 'ID: DDMMÅÅ-SSSS'"},
      {"cpr-invalid", Severity::error, "a CPR number in the key file that is not a real CPR number (never echoed)",
       "et CPR-nummer i nøglefilen der ikke er et gyldigt CPR-nummer (gentages aldrig)"},
      {"cpr-duplicate-id", Severity::error, "a case id twice in the key file", "et forløbs-id to gange i nøglefilen"},
      {"cpr-duplicate", Severity::error, "one CPR number on two forløb (never echoed)",
       "samme CPR-nummer på to forløb (gentages aldrig)"},
      {"cpr-missing", Severity::error, "a forløb in the report with no CPR number in the key file",
       "et forløb i indberetningen uden CPR-nummer i nøglefilen"},
      {"cpr-unknown-id", Severity::error, "a key file entry for an id with no forløb",
       "en linje i nøglefilen for et id uden forløb"},
  };
  return rules;
}

const RuleInfo* find_rule(std::string_view name) {
  const auto& rules = rule_registry();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.name == name; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace cti
