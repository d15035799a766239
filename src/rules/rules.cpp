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

const std::vector<RuleDoc>& catalog() {
  static const std::vector<RuleDoc> docs = {
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
      {"file-name", Severity::error, "a file in forloeb/ named .yml (or .YAML) that cti would not read",
       "en fil i forloeb/ med endelsen .yml (eller .YAML), som cti ikke ville læse"},
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
      {"invalid-status", Severity::error, "afslutning.status other than gennemført, afbrudt or flyttet",
       "afslutning.status er ikke gennemført, afbrudt eller flyttet"},
      {"deprecated-status", Severity::warning, "afslutning.status overdraget, the old word for flyttet",
       "afslutning.status overdraget, det gamle ord for flyttet"},
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
      {"unknown-contact-kind", Severity::error, "kontakter.med other than borger, netværk, myndighed or andet",
       "kontakter.med er ikke borger, netværk, myndighed eller andet"},
      {"unknown-contact-place", Severity::error,
       "kontakter.sted other than hjemme, lokalsamfund, kontor, telefon, video or andet",
       "kontakter.sted er ikke hjemme, lokalsamfund, kontor, telefon, video eller andet"},
      {"unknown-contact-status", Severity::error, "kontakter.status other than holdt, aflyst or udeblevet",
       "kontakter.status er ikke holdt, aflyst eller udeblevet"},
      {"unknown-area", Severity::error,
       "an area in fokusområder or mål that is neither built in nor in cti.yaml områder",
       "et område i fokusområder eller mål, som hverken er indbygget eller står i cti.yaml områder"},
      {"unknown-role", Severity::error, "ansvar_forankret_hos is neither a built-in role nor in cti.yaml roller",
       "ansvar_forankret_hos er hverken en indbygget rolle eller står i cti.yaml roller"},
      {"contact-outside-period", Severity::error, "a contact dated before kontakt or after afslutning.dato",
       "en kontakt dateret før kontakt eller efter afslutning.dato"},
      {"peer-not-wanted", Severity::error, "peer_støtte.tilknyttet without ønsket: ja",
       "peer_støtte.tilknyttet uden ønsket: ja"},
      {"too-many-focus-areas", Severity::error, "more than 3 focus areas in one phase",
       "mere end 3 fokusområder i én fase"},
      {"goal-count", Severity::warning, "langsigtet-plan recorded, but mål lists fewer than 2 or more than 3 goals",
       "langsigtet-plan er registreret, men mål nævner færre end 2 eller flere end 3 mål"},
      {"future-date", Severity::warning, "a date after today", "en dato efter i dag"},
      {"past-planned-end", Severity::warning, "past m(opstart, 9) with no afslutning",
       "forbi m(opstart, 9) uden afslutning"},
  };
  return docs;
}

}  // namespace cti::rules
