// Each validation rule of SPEC section 5 (rules/) with a minimal passing and failing input.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/forloeb_loader.hpp"
#include "load/project_loader.hpp"
#include "rules/rules.hpp"

namespace cti::test::rules_rules {

const std::string kRulesConfig =
    "projekt: P\ndelmålgrupper: [egen-kommune, anden-kommune]\n"
    "medarbejdere:\n  - id: mette\n  - id: jonas\nindflytning_tidligst_måneder: 1\n";

// A repository from text: cti.yaml and forloeb/<stem>.yaml files.
LoadedRepo repo(const std::map<std::string, std::string>& files, const std::string& config = kRulesConfig) {
  i18n::set_lang(Lang::en);
  LoadedRepo r;
  r.root = "/nonexistent";
  r.project = load_project(SourceFile{"cti.yaml", config}, r.diagnostics);
  for (const auto& [stem, text] : files)
    r.forloeb.push_back(load_forloeb(SourceFile{"forloeb/" + stem + ".yaml", text}, r.diagnostics));
  return r;
}

// "rule@file:line:col" for every diagnostic, in order.
std::vector<std::string> run(const LoadedRepo& r, const char* today = "2026-11-23", bool tracked = false) {
  rules::Facts facts{D(today), tracked, tracked ? "cpr.yaml" : ""};
  std::vector<std::string> out;
  for (const auto& d : rules::validate(r, facts))
    out.push_back(d.rule + "@" + d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col));
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("a minimal valid repository has no findings") {
  CHECK(run(repo({{"K-0001", case_head()}})).empty());
  CHECK(run(repo({})).empty());
}

TEST_CASE("[id-mismatch]") {
  CHECK(run(repo({{"K-0001", case_head("K-0001")}})).empty());
  CHECK(run(repo({{"K-0001", case_head("K-0002")}})) == V{"id-mismatch@forloeb/K-0001.yaml:1:5"});
}

TEST_CASE("[duplicate-id]: reported on every file that shares the id") {
  CHECK(run(repo({{"K-0001", case_head("K-0001")}, {"K-0002", case_head("K-0002")}})).empty());
  CHECK(run(repo({{"K-0001", case_head("K-0001")}, {"K-0002", case_head("K-0001")}})) ==
        V{"duplicate-id@forloeb/K-0001.yaml:1:5", "duplicate-id@forloeb/K-0002.yaml:1:5",
          "id-mismatch@forloeb/K-0002.yaml:1:5"});
}

TEST_CASE("[unknown-worker] and [unknown-subgroup]") {
  CHECK(run(repo({{"K-0001", case_head("K-0001", "jonas", "anden-kommune")}})).empty());
  CHECK(run(repo({{"K-0001", case_head("K-0001", "mete")}})) == V{"unknown-worker@forloeb/K-0001.yaml:2:14"});
  CHECK(run(repo({{"K-0001", case_head("K-0001", "mette", "egen")}})) ==
        V{"unknown-subgroup@forloeb/K-0001.yaml:3:16"});
  // A cti.yaml without usable workers or groups reports itself, not every forløb.
  CHECK(run(repo({{"K-0001", case_head()}}, "projekt: P\n")) ==
        V{"missing-key@cti.yaml:1:1", "missing-key@cti.yaml:1:1"});
}

TEST_CASE("[unknown-item]: the checklist after tjeklister.tilføj and fjern") {
  const std::string cfg = kRulesConfig +
                          "tjeklister:\n  tilføj:\n    fase2:\n      - id: ekstra\n        tekst: E\n"
                          "  fjern: [jobcenter]\n";
  CHECK(
      run(repo({{"K-0001", case_head() + "tjekliste:\n  ekstra: 2026-01-05\n  økonomi: 2026-01-05\n"}}, cfg)).empty());
  CHECK(run(repo({{"K-0001", case_head() + "tjekliste:\n  jobcenter: ikke relevant\n"}}, cfg)) ==
        V{"unknown-item@forloeb/K-0001.yaml:5:3"});
  CHECK(run(repo({{"K-0001", case_head() + "tjekliste:\n  okonomi: 2026-01-05\n"}})) ==
        V{"unknown-item@forloeb/K-0001.yaml:5:3"});
}

TEST_CASE("[date-order]: kontakt <= opstart <= afslutning.dato, nothing before kontakt") {
  const std::string ok = case_head() +
                         "kontakt: 2026-01-05\nopstart: 2026-01-05\ntjekliste:\n  orienteret: 2026-01-05\n"
                         "afslutning:\n  dato: 2026-01-05\n  status: afbrudt\n";
  CHECK(run(repo({{"K-0001", ok}})).empty());
  CHECK(run(repo({{"K-0001", case_head() + "kontakt: 2026-06-05\nopstart: 2026-06-04\n"}})) ==
        V{"date-order@forloeb/K-0001.yaml:5:10"});
  CHECK(run(repo(
            {{"K-0001", case_head() + "opstart: 2026-01-05\nafslutning:\n  dato: 2026-01-04\n  status: afbrudt\n"}})) ==
        V{"date-order@forloeb/K-0001.yaml:6:9"});
  CHECK(run(repo(
            {{"K-0001", case_head() + "kontakt: 2026-01-05\nafslutning:\n  dato: 2026-01-04\n  status: afbrudt\n"}})) ==
        V{"date-order@forloeb/K-0001.yaml:6:9"});
  CHECK(run(repo({{"K-0001", case_head() + "kontakt: 2026-01-05\ndokumentation:\n  opstart: 2026-01-04\n"}})) ==
        V{"date-order@forloeb/K-0001.yaml:6:3"});
  CHECK(run(repo({{"K-0001", case_head() + "kontakt: 2026-01-05\npeer_støtte:\n  tilbudt: 2026-01-04\n"}})) ==
        V{"date-order@forloeb/K-0001.yaml:6:12"});
}

TEST_CASE("[early-start]: opstart at most indflytning_tidligst_måneder before indflytning") {
  CHECK(run(repo({{"K-0001", case_head() + "opstart: 2026-07-15\nindflytning: 2026-08-15\n"}})).empty());
  CHECK(run(repo({{"K-0001", case_head() + "opstart: 2026-07-14\nindflytning: 2026-08-15\n"}})) ==
        V{"early-start@forloeb/K-0001.yaml:4:10"});
  // Clamped at the month's end: 2026-03-31 minus one month is 2026-02-28.
  CHECK(run(repo({{"K-0001", case_head() + "opstart: 2026-02-28\nindflytning: 2026-03-31\n"}})).empty());
  // Without the setting there is no limit.
  CHECK(run(repo({{"K-0001", case_head() + "opstart: 2025-01-01\nindflytning: 2026-08-15\n"}},
                 "projekt: P\ndelmålgrupper: [egen-kommune]\nmedarbejdere: [{id: mette}]\n"),
            "2026-11-23")
            .size() == 1);  // only past-planned-end
}

TEST_CASE("[future-date] is a warning; today itself is not the future") {
  CHECK(run(repo({{"K-0001", case_head() + "kontakt: 2026-11-23\n"}})).empty());
  CHECK(run(repo({{"K-0001", case_head() + "kontakt: 2026-11-24\n"}})) == V{"future-date@forloeb/K-0001.yaml:4:10"});
  auto ds = rules::validate(repo({{"K-0001", case_head() + "kontakt: 2026-11-24\n"}}), {D("2026-11-23"), false, ""});
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::warning);
}

TEST_CASE("[past-planned-end]: from the day after m(opstart, 9) while no afslutning is recorded") {
  CHECK(run(repo({{"K-0001", case_head() + "opstart: 2026-02-23\n"}}), "2026-11-23").empty());  // the planned end day
  CHECK(run(repo({{"K-0001", case_head() + "opstart: 2026-02-22\n"}}), "2026-11-23") ==
        V{"past-planned-end@forloeb/K-0001.yaml:4:10"});
  CHECK(run(repo({{"K-0001",
                   case_head() + "opstart: 2026-02-23\nafslutning:\n  dato: 2026-11-20\n  status: gennemført\n"}}),
            "2026-11-23")
            .empty());
}

TEST_CASE("[past-planned-end] says how long ago the planned end was") {
  auto message = [](const char* today) {
    auto ds = rules::validate(repo({{"K-0001", case_head() + "opstart: 2026-02-23\n"}}), {D(today), false, ""});
    REQUIRE(ds.size() == 1);
    return ds[0].message;
  };
  CHECK(message("2026-11-24") == "the planned end 2026-11-23 has passed (1 day ago) and no afslutning is recorded");
  CHECK(message("2026-11-25") == "the planned end 2026-11-23 has passed (2 days ago) and no afslutning is recorded");
}

TEST_CASE("[duplicate-worker], [duplicate-item] and tjeklister.fjern in cti.yaml") {
  CHECK(run(repo({}, "projekt: P\ndelmålgrupper: [a]\nmedarbejdere:\n  - id: m\n  - id: m\n")) ==
        V{"duplicate-worker@cti.yaml:5:5"});
  CHECK(run(repo({}, kRulesConfig + "tjeklister:\n  tilføj:\n    fase2:\n      - id: økonomi\n        tekst: T\n")) ==
        V{"duplicate-item@cti.yaml:10:9"});
  CHECK(run(repo({}, kRulesConfig + "tjeklister:\n  fjern: [jobcentre]\n")) == V{"unknown-item@cti.yaml:8:11"});
}

TEST_CASE("[cpr-file-tracked]") {
  CHECK(run(repo({}), "2026-11-23", false).empty());
  CHECK(run(repo({}), "2026-11-23", true) == V{"cpr-file-tracked@cpr.yaml:1:1"});
}

TEST_CASE("the catalogue documents every rule that runs or that the loader reports") {
  std::vector<std::string> names;
  for (const auto& d : rules::catalog()) names.push_back(std::string(d.name));
  for (const auto& r : rules::all_rules())
    if (r.name != "project") CHECK_MESSAGE(std::count(names.begin(), names.end(), r.name) == 1, r.name);
  for (const char* n : {"yaml-syntax", "merge-conflict", "tab-indent", "encoding", "file-too-large", "empty-file",
                        "missing-key", "unknown-key", "duplicate-key", "wrong-type", "invalid-date", "invalid-value",
                        "invalid-status", "duplicate-item", "duplicate-worker", "cpr-leak", "file-name", "unreadable"})
    CHECK_MESSAGE(std::count(names.begin(), names.end(), n) == 1, n);
  for (const auto& d : rules::catalog()) {
    CHECK(!d.en.empty());
    CHECK(!d.da.empty());
  }
}

}  // namespace cti::test::rules_rules
