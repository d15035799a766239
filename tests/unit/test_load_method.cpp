// The loader on the method's records: kontakter (block and the flow lines `cti contact`
// appends), fokusområder, mål, ansvar_forankret_hos, peer_støtte.tilknyttet/form, the end
// status flyttet (and the old overdraget), and cti.yaml's kontaktlog, dokumentation_frist_dage,
// områder and roller.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "load/forloeb_loader.hpp"
#include "load/project_loader.hpp"

using namespace cti;

namespace {

Forloeb load(const std::string& body, Diagnostics& ds) {
  i18n::set_lang(Lang::en);
  return load_forloeb(
      SourceFile{"forloeb/K-0001.yaml", "id: K-0001\nmedarbejder: mette\ndelmålgruppe: egen-kommune\n" + body}, ds);
}

Date D(const char* s) {
  return *parse_date(s);
}

const std::string kConfig = "projekt: P\ndelmålgrupper: [egen-kommune]\nmedarbejdere:\n  - id: mette\n";

}  // namespace

TEST_CASE("kontakter: flow lines and block entries, with defaults and positions") {
  Diagnostics ds;
  Forloeb f = load(
      "kontakter:\n"
      "  - {dato: 2025-02-05, med: borger, sted: hjemme}\n"
      "  - dato: 2025-02-12\n"
      "    med: netværk\n"
      "    sted: telefon\n"
      "  - {dato: 2025-02-19, sted: lokalsamfund, status: aflyst}\n"
      "  - {dato: 2025-02-26, med: borger, sted: kontor}\n",
      ds);
  CHECK(ds.empty());
  CHECK(f.has_contact_log);
  REQUIRE(f.contacts.size() == 4);
  CHECK(*f.contacts[0].date == D("2025-02-05"));
  CHECK(f.contacts[0].date.pos.line == 5);
  CHECK(f.contacts[0].date.pos.col == 12);
  CHECK(f.contacts[0].held());
  CHECK(f.contacts[0].with_borger());
  CHECK(*f.contacts[1].with == "netværk");
  CHECK_FALSE(f.contacts[1].with_borger());
  CHECK(f.contacts[1].pos.line == 6);
  CHECK_FALSE(f.contacts[2].held());
  CHECK(f.contacts[2].with_borger());  // med defaults to borger
  CHECK(*f.contacts[3].place == "kontor");
}

TEST_CASE("kontakter: an empty log is a log; a missing key is none; dato is required") {
  Diagnostics ds;
  CHECK(load("kontakter: []\n", ds).has_contact_log);
  CHECK(load("kontakter:\n", ds).has_contact_log);
  CHECK_FALSE(load("", ds).has_contact_log);
  CHECK(ds.empty());
  Forloeb f = load("kontakter:\n  - {sted: hjemme}\n  - {dato: 2025-02-30}\n", ds);
  CHECK(f.contacts.empty());
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].rule == "missing-key");
  CHECK(ds[1].rule == "invalid-date");
}

TEST_CASE("fokusområder, mål, ansvar_forankret_hos and peer_støtte") {
  Diagnostics ds;
  Forloeb f = load(
      "fokusområder:\n  fase1: [bolig, økonomi]\n  fase3:\n    - netværk\n"
      "mål:\n  - {område: bolig, nået: 2025-09-01}\n  - område: netværk\n"
      "ansvar_forankret_hos: sagsbehandler\n"
      "peer_støtte:\n  tilbudt: 2025-02-10\n  ønsket: ja\n  tilknyttet: 2025-03-01\n  form: gruppe\n",
      ds);
  CHECK(ds.empty());
  REQUIRE(f.focus_of(1));
  CHECK(f.focus_of(1)->areas.size() == 2);
  CHECK(*f.focus_of(1)->areas[1] == "økonomi");
  CHECK(f.focus_of(2) == nullptr);
  CHECK(*f.focus_of(3)->areas[0] == "netværk");
  REQUIRE(f.goals.size() == 2);
  CHECK(*f.goals[0].reached == D("2025-09-01"));
  CHECK_FALSE(f.goals[1].reached);
  CHECK(f.goals_pos.line == 8);
  CHECK(*f.anchored_role == "sagsbehandler");
  CHECK(*f.peer->matched == D("2025-03-01"));
  CHECK(*f.peer->form == "gruppe");
}

TEST_CASE("afslutning.status flyttet; overdraget is read as flyttet with a warning") {
  Diagnostics ds;
  Forloeb f = load("afslutning:\n  dato: 2025-06-01\n  status: flyttet\n", ds);
  CHECK(ds.empty());
  CHECK(f.end_status() == EndStatus::moved);
  f = load("afslutning:\n  dato: 2025-06-01\n  status: overdraget\n", ds);
  CHECK(f.end_status() == EndStatus::moved);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule == "deprecated-status");
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].message.find("'flyttet'") != std::string::npos);
  CHECK(end_status_name(EndStatus::moved) == "flyttet");
}

TEST_CASE("cti.yaml: kontaktlog, dokumentation_frist_dage, områder, roller") {
  i18n::set_lang(Lang::en);
  Diagnostics ds;
  Project p = load_project(SourceFile{"cti.yaml", kConfig + "kontaktlog: {fase1: 7, fase2: 14, fase3: 30}\n"
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
  Project q = load_project(SourceFile{"cti.yaml", kConfig + "kontaktlog:\n  fase1: 0\n  fase2: 14\n"}, bad);
  CHECK_FALSE(q.contact_log);  // all three phases are needed
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].rule == "missing-key");
  CHECK(bad[1].rule == "invalid-value");
}
