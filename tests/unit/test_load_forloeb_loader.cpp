// The forløb loader (load/forloeb_loader): forløb files to records and diagnostics with
// line:col; and the method's records: kontakter (block and the flow lines `cti contact`
// appends), fokusområder, mål, ansvar_forankret_hos, peer_støtte.tilknyttet/form, the end
// status flyttet (and the old overdraget).
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/forloeb_loader.hpp"

namespace cti::test::load_forloeb_loader {

// The forløb K-0001 of mette with `body` after its head; its diagnostics added to `ds`.
Forloeb load_into(const std::string& body, Diagnostics& ds) {
  LoadedCase l = load_case(case_head() + body);
  ds.insert(ds.end(), l.ds.begin(), l.ds.end());
  return l.f;
}

TEST_CASE("a complete forløb file is read with every value and its position") {
  auto l = load_case(case_head() +
                     "kontakt: 2025-01-06\n"
                     "opstart: 2025-02-03\n"
                     "indflytning: 2025-02-15\n"
                     "tjekliste:\n"
                     "  orienteret: 2025-01-10\n"
                     "  jobcenter: ikke relevant\n"
                     "dokumentation:\n"
                     "  opstart: 2025-02-05\n"
                     "peer_støtte:\n"
                     "  tilbudt: 2025-02-10\n"
                     "  ønsket: ja\n"
                     "afslutning:\n"
                     "  dato: 2025-11-03\n"
                     "  status: gennemført\n"
                     "  årsag: \"\"\n"
                     "noter: |\n  Fri tekst.\n");
  CHECK(l.ds.empty());
  CHECK_FALSE(l.f.dates_unreadable);
  CHECK(*l.f.id == "K-0001");
  CHECK(l.f.id.pos.line == 1);
  CHECK(l.f.id.pos.col == 5);
  CHECK(*l.f.worker == "mette");
  CHECK(*l.f.subgroup == "egen-kommune");
  CHECK(l.f.subgroup.pos.col == 16);  // byte column: å is two bytes
  CHECK(*l.f.contact == D("2025-01-06"));
  CHECK(*l.f.start == D("2025-02-03"));
  CHECK(l.f.start.pos.line == 5);
  CHECK(*l.f.move_in == D("2025-02-15"));
  REQUIRE(l.f.checklist.size() == 2);
  CHECK(l.f.checklist[0].item == "orienteret");
  CHECK(l.f.checklist[0].done == D("2025-01-10"));
  CHECK(l.f.checklist[0].pos.line == 8);
  CHECK(l.f.checklist[1].not_relevant);
  CHECK_FALSE(l.f.checklist[1].done.has_value());
  CHECK(l.f.documented(DocPoint::opstart) == D("2025-02-05"));
  REQUIRE(l.f.peer.has_value());
  CHECK(*l.f.peer->offered == D("2025-02-10"));
  CHECK(*l.f.peer->wanted == true);
  CHECK(l.f.end_date() == D("2025-11-03"));
  CHECK(l.f.end_status() == EndStatus::completed);
  CHECK(l.f.notes == "Fri tekst.\n");
}

TEST_CASE("syntax errors carry the parser's line:col") {
  CHECK(only(load_case(case_head() + "noter: Mødet: aflyst\n").ds) == "yaml-syntax@4:14");
  CHECK(only(load_case("id: K-0001\nmedarbejder: *x\n").ds) == "yaml-syntax@2:14");
  auto l = load_case(case_head() + "---\nid: K-0002\n");
  CHECK(only(l.ds) == "yaml-syntax@4:1");  // at the --- line
  CHECK(l.f.dates_unreadable);
}

TEST_CASE("a quote that is never closed is a syntax error, a closed one is not") {
  CHECK(only(load_case("id: \"K-0001\nmedarbejder: mette\n").ds) == "yaml-syntax@1:5");
  CHECK(only(load_case(case_head() + "noter: 'aflyst\n").ds) == "yaml-syntax@4:8");
  CHECK(load_case(case_head() + "noter: \"hun sagde \\\"hej\\\"\"\n").ds.empty());
  CHECK(load_case(case_head() + "noter: 'Borgerens ''eget'' ønske'\n").ds.empty());
  CHECK(load_case("id: 'K-0001'\nmedarbejder: \"mette\"\ndelmålgruppe: egen-kommune\n").ds.empty());
}

TEST_CASE("text checks: merge markers, tabs, binary, not UTF-8, empty") {
  auto l = load_case("id: K-0001\n<<<<<<< HEAD\nmedarbejder: mette\n=======\nmedarbejder: jonas\n>>>>>>> x\n");
  REQUIRE(l.ds.size() == 3);
  CHECK(l.ds[0].rule == "merge-conflict");
  CHECK(l.ds[2].pos.line == 6);
  CHECK(only(load_case(case_head() + "tjekliste:\n\torienteret: 2025-01-10\n").ds) == "tab-indent@5:1");
  CHECK(only(load_case(std::string("id: K-0001\n\0x\n", 14)).ds) == "encoding@2:1");
  CHECK(only(load_case("id: K-0001\nmedarbejder: m\xe5\n").ds) == "encoding@2:15");
  CHECK(only(load_case("").ds) == "empty-file@1:1");
  CHECK(only(load_case("# only a comment\n").ds) == "empty-file@1:1");
  CHECK(only(load_case("- a\n- b\n").ds) == "wrong-type@1:1");
  CHECK(only(load_case(std::string(1024 * 1024 + 1, '#')).ds) == "file-too-large@1:1");
}

TEST_CASE("unknown keys at the key, with a suggestion when one is close") {
  auto l = load_case("id: K-0001\nmedarbejder: mette\ndelmalgruppe: egen-kommune\n");
  CHECK(only(l.ds) == "unknown-key@3:1");  // and not also "missing delmålgruppe"
  CHECK(l.ds[0].message == "unknown key 'delmalgruppe' (did you mean 'delmålgruppe'?)");
  l = load_case(case_head() + "favoritfarve: blå\n");
  CHECK(l.ds[0].message == "unknown key 'favoritfarve'");
  l = load_case(case_head() + "afslutning:\n  dato: 2025-11-03\n  stauts: afbrudt\n");
  CHECK(only(l.ds) == "unknown-key@6:3");
  CHECK(l.ds[0].message == "unknown key 'stauts' in 'afslutning' (did you mean 'status'?)");
}

TEST_CASE("duplicate keys, at the second one") {
  CHECK(only(load_case(case_head() + "medarbejder: jonas\n").ds) == "duplicate-key@4:1");
  CHECK(only(load_case(case_head() + "tjekliste:\n  orienteret: 2025-01-10\n  orienteret: 2025-01-11\n").ds) ==
        "duplicate-key@6:3");
}

TEST_CASE("missing required keys: at 1:1, or at the key when the value is empty") {
  auto l = load_case("noter: x\n");
  REQUIRE(l.ds.size() == 3);
  CHECK(l.ds[0].message == "required key 'id' is missing");
  CHECK(only(load_case("id: K-0001\nmedarbejder:\ndelmålgruppe: egen-kommune\n").ds) == "missing-key@2:1");
  CHECK(only(load_case(case_head() + "afslutning:\n  dato: 2025-11-03\n").ds) == "missing-key@5:3");
}

TEST_CASE("wrong types name what was found") {
  auto l = load_case("id: [K-0001]\nmedarbejder: mette\ndelmålgruppe: egen-kommune\n");
  CHECK(only(l.ds) == "wrong-type@1:5");
  CHECK(l.ds[0].message == "'id' must be a single value, not a list");
  l = load_case(case_head() + "tjekliste: [orienteret]\n");
  CHECK(l.ds[0].message == "'tjekliste' must be a mapping (key: value lines), not a list");
  CHECK(only(load_case(case_head() + "noter:\n  a: b\n").ds) == "wrong-type@5:3");
}

TEST_CASE("dates must be real YYYY-MM-DD calendar dates") {
  CHECK(load_case(case_head() + "opstart: 2024-02-29\n").ds.empty());
  auto l = load_case(case_head() + "opstart: 2025-02-29\n");
  CHECK(only(l.ds) == "invalid-date@4:10");
  CHECK(l.ds[0].message == "'opstart': '2025-02-29' is not a date in the calendar");
  CHECK_FALSE(l.f.start.has);
  CHECK(load_case(case_head() + "opstart: 2026-02-30\n").ds[0].rule == "invalid-date");
  CHECK(load_case(case_head() + "opstart: 2026-13-01\n").ds[0].rule == "invalid-date");
  CHECK(load_case(case_head() + "opstart: 2026-04-31\n").ds[0].rule == "invalid-date");
  l = load_case(case_head() + "kontakt: 6/1/2026\n");
  CHECK(l.ds[0].message == "'kontakt' must be a date written YYYY-MM-DD, not '6/1/2026'; write 2026-01-06");
  CHECK(load_case(case_head() + "kontakt: 2026-1-6\n").ds[0].rule == "invalid-date");
  CHECK(load_case(case_head() + "kontakt: 2026-01-06T10:00\n").ds[0].rule == "invalid-date");
  CHECK(load_case(case_head() + "dokumentation:\n  fase2: 20260106\n").ds[0].rule == "invalid-date");
  CHECK(load_case(case_head() + "tjekliste:\n  orienteret: ja\n").ds[0].rule == "invalid-date");
  CHECK(load_case(case_head() + "kontakt: \"2026-01-06\"\n").ds.empty());
}

TEST_CASE("values outside what a key allows") {
  CHECK(only(load_case(case_head() + "afslutning:\n  dato: 2025-11-03\n  status: gennemfort\n").ds) ==
        "invalid-status@6:11");
  CHECK(only(load_case(case_head() + "peer_støtte:\n  ønsket: måske\n").ds) == "invalid-value@5:12");
}

TEST_CASE("a second document is reported at its --- line") {
  CHECK(only(load_case("---\n" + case_head() + "---\n").ds) == "yaml-syntax@5:1");
  CHECK(only(load_case(case_head() + "...\n---\nid: K-0002\n").ds) == "yaml-syntax@5:1");
  CHECK(load_case("---\n" + case_head()).ds.empty());
}

TEST_CASE("kontakter: flow lines and block entries, with defaults and positions") {
  Diagnostics ds;
  Forloeb f = load_into(
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
  CHECK(load_into("kontakter: []\n", ds).has_contact_log);
  CHECK(load_into("kontakter:\n", ds).has_contact_log);
  CHECK_FALSE(load_into("", ds).has_contact_log);
  CHECK(ds.empty());
  Forloeb f = load_into("kontakter:\n  - {sted: hjemme}\n  - {dato: 2025-02-30}\n", ds);
  CHECK(f.contacts.empty());
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].rule == "missing-key");
  CHECK(ds[1].rule == "invalid-date");
}

TEST_CASE("fokusområder, mål, ansvar_forankret_hos and peer_støtte") {
  Diagnostics ds;
  Forloeb f = load_into(
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
  Forloeb f = load_into("afslutning:\n  dato: 2025-06-01\n  status: flyttet\n", ds);
  CHECK(ds.empty());
  CHECK(f.end_status() == EndStatus::moved);
  f = load_into("afslutning:\n  dato: 2025-06-01\n  status: overdraget\n", ds);
  CHECK(f.end_status() == EndStatus::moved);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule == "deprecated-status");
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].message.find("'flyttet'") != std::string::npos);
  CHECK(end_status_name(EndStatus::moved) == "flyttet");
}

TEST_CASE("a programme's own checklist items get the same hints as the built-in ones") {
  i18n::set_lang(Lang::en);
  const std::string body =
      "bolig-visitation: 2026-05-04\nnoter: |\n  økonomi: 2026-05-04\n  bolig-visitation: 2026-05-05\n";
  // Without the programme's items: only the built-in økonomi is known as an item.
  Diagnostics ds;
  load_forloeb(SourceFile{"forloeb/K-0001.yaml", case_head() + body}, ds);
  CHECK(rules_at(ds) == std::vector<std::string>{"unknown-key@4:1", "item-in-notes@6:1"});
  CHECK(ds[0].message == "unknown key 'bolig-visitation'");
  // With cti.yaml's checklist (økonomi removed, bolig-visitation added) the hints follow it.
  ds.clear();
  load_forloeb(SourceFile{"forloeb/K-0001.yaml", case_head() + body}, ds, {"kontakt-etableret", "bolig-visitation"});
  CHECK(rules_at(ds) == std::vector<std::string>{"unknown-key@4:1", "item-in-notes@7:1"});
  CHECK(ds[0].message == "unknown key 'bolig-visitation' (a checklist item: indent it under tjekliste:)");
}

}  // namespace cti::test::load_forloeb_loader
