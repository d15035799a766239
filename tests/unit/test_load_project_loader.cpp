// The project loader (load/project_loader): cti.yaml's settings, their defaults and their
// mistakes, with kontaktlog, dokumentation_frist_dage, områder and roller.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/project_loader.hpp"

namespace cti::test::load_project_loader {

const std::string kProjectConfig = "projekt: P\ndelmålgrupper: [egen-kommune]\nmedarbejdere:\n  - id: mette\n";

TEST_CASE("cti.yaml: settings, defaults and their mistakes") {
  i18n::set_lang(Lang::en);
  Diagnostics ds;
  Project p =
      load_project(SourceFile{"cti.yaml",
                              "projekt: P\ndelmålgrupper: [a, b]\nmedarbejdere:\n  - id: mette\n    årsværk: 0.5\n"
                              "indflytning_tidligst_måneder: 1\nsprog: en\n"},
                   ds);
  CHECK(ds.empty());
  CHECK(p.name == "P");
  CHECK(p.id_prefix == "K-");
  CHECK(p.caseload_per_fte == 10.0);
  REQUIRE(p.workers.size() == 1);
  CHECK(p.workers[0].fte == 0.5);
  CHECK(p.has_subgroup("b"));
  CHECK(*p.move_in_months == 1);
  CHECK(*p.lang == Lang::en);

  ds.clear();
  load_project(SourceFile{"cti.yaml", "projekt: P\ndelmålgrupper: []\nmedarbejdere: []\n"}, ds);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].rule == "invalid-value");
  ds.clear();
  load_project(SourceFile{"cti.yaml", "projekt: P\ndelmålgrupper: [a]\nmedarbejdere:\n  - id: m\n    årsværk: 1.5\n"},
               ds);
  CHECK(only(ds) == "invalid-value@5:16");
  ds.clear();
  load_project(SourceFile{"cti.yaml", "projekt: P\ndelmålgrupper: [a]\nmedarbejdere: [{id: m}]\nsprg: da\n"}, ds);
  CHECK(only(ds) == "unknown-key@4:1");
  CHECK(ds[0].message == "unknown key 'sprg' (did you mean 'sprog'?)");
  ds.clear();
  load_project(SourceFile{"cti.yaml", "projekt: \"P\ndelmålgrupper: [a]\n"}, ds);
  CHECK(only(ds) == "yaml-syntax@1:10");
}

TEST_CASE("cti.yaml: kontaktlog, dokumentation_frist_dage, områder, roller") {
  i18n::set_lang(Lang::en);
  Diagnostics ds;
  Project p = load_project(SourceFile{"cti.yaml", kProjectConfig + "kontaktlog: {fase1: 7, fase2: 14, fase3: 30}\n"
                                                                   "dokumentation_frist_dage: 5\n"
                                                                   "områder: [misbrug]\nroller: [mentor]\n"},
                           ds);
  CHECK(ds.empty());
  REQUIRE(p.contact_log);
  CHECK(p.contact_log->for_phase(1) == 7);
  CHECK(p.contact_log->for_phase(3) == 30);
  CHECK(p.documentation_grace_days == 5);
  CHECK(p.all_areas().back() == "misbrug");
  CHECK(p.all_areas().size() == 8);
  CHECK(p.all_roles().back() == "mentor");

  Diagnostics bad;
  Project q = load_project(SourceFile{"cti.yaml", kProjectConfig + "kontaktlog:\n  fase1: 0\n  fase2: 14\n"}, bad);
  CHECK_FALSE(q.contact_log);  // all three phases are needed
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].rule == "missing-key");
  CHECK(bad[1].rule == "invalid-value");
}

}  // namespace cti::test::load_project_loader
