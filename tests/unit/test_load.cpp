// The loader: cti.yaml and forløb files to records and diagnostics with line:col.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "load/forloeb_loader.hpp"
#include "load/project_loader.hpp"

using namespace cti;

namespace {

struct Loaded {
  Forloeb f;
  Diagnostics ds;
};

Loaded load(const std::string& yaml, const std::string& path = "forloeb/K-0001.yaml") {
  i18n::set_lang(Lang::en);
  Loaded l;
  l.f = load_forloeb(SourceFile{path, yaml}, l.ds);
  return l;
}

Date D(const char* s) {
  return *parse_date(s);
}

// "rule@line:col" of the only diagnostic; fails when there is not exactly one.
std::string only(const Diagnostics& ds) {
  REQUIRE_MESSAGE(ds.size() == 1, (ds.empty() ? std::string("none") : format_diagnostic(ds.back())));
  return ds[0].rule + "@" + std::to_string(ds[0].pos.line) + ":" + std::to_string(ds[0].pos.col);
}

const std::string kHead = "id: K-0001\nmedarbejder: mette\ndelmålgruppe: egen-kommune\n";

}  // namespace

TEST_CASE("a complete forløb file is read with every value and its position") {
  auto l = load(kHead +
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
  CHECK(only(load(kHead + "noter: Mødet: aflyst\n").ds) == "yaml-syntax@4:14");
  CHECK(only(load("id: K-0001\nmedarbejder: *x\n").ds) == "yaml-syntax@2:14");
  auto l = load(kHead + "---\nid: K-0002\n");
  CHECK(only(l.ds) == "yaml-syntax@4:1");  // at the --- line
  CHECK(l.f.dates_unreadable);
}

TEST_CASE("a quote that is never closed is a syntax error, a closed one is not") {
  CHECK(only(load("id: \"K-0001\nmedarbejder: mette\n").ds) == "yaml-syntax@1:5");
  CHECK(only(load(kHead + "noter: 'aflyst\n").ds) == "yaml-syntax@4:8");
  CHECK(load(kHead + "noter: \"hun sagde \\\"hej\\\"\"\n").ds.empty());
  CHECK(load(kHead + "noter: 'Borgerens ''eget'' ønske'\n").ds.empty());
  CHECK(load("id: 'K-0001'\nmedarbejder: \"mette\"\ndelmålgruppe: egen-kommune\n").ds.empty());
}

TEST_CASE("text checks: merge markers, tabs, binary, not UTF-8, empty") {
  auto l = load("id: K-0001\n<<<<<<< HEAD\nmedarbejder: mette\n=======\nmedarbejder: jonas\n>>>>>>> x\n");
  REQUIRE(l.ds.size() == 3);
  CHECK(l.ds[0].rule == "merge-conflict");
  CHECK(l.ds[2].pos.line == 6);
  CHECK(only(load(kHead + "tjekliste:\n\torienteret: 2025-01-10\n").ds) == "tab-indent@5:1");
  CHECK(only(load(std::string("id: K-0001\n\0x\n", 14)).ds) == "encoding@2:1");
  CHECK(only(load("id: K-0001\nmedarbejder: m\xe5\n").ds) == "encoding@2:15");
  CHECK(only(load("").ds) == "empty-file@1:1");
  CHECK(only(load("# only a comment\n").ds) == "empty-file@1:1");
  CHECK(only(load("- a\n- b\n").ds) == "wrong-type@1:1");
  CHECK(only(load(std::string(1024 * 1024 + 1, '#')).ds) == "file-too-large@1:1");
}

TEST_CASE("unknown keys at the key, with a suggestion when one is close") {
  auto l = load("id: K-0001\nmedarbejder: mette\ndelmalgruppe: egen-kommune\n");
  CHECK(only(l.ds) == "unknown-key@3:1");  // and not also "missing delmålgruppe"
  CHECK(l.ds[0].message == "unknown key 'delmalgruppe' (did you mean 'delmålgruppe'?)");
  l = load(kHead + "favoritfarve: blå\n");
  CHECK(l.ds[0].message == "unknown key 'favoritfarve'");
  l = load(kHead + "afslutning:\n  dato: 2025-11-03\n  stauts: afbrudt\n");
  CHECK(only(l.ds) == "unknown-key@6:3");
  CHECK(l.ds[0].message == "unknown key 'stauts' in 'afslutning' (did you mean 'status'?)");
}

TEST_CASE("duplicate keys, at the second one") {
  CHECK(only(load(kHead + "medarbejder: jonas\n").ds) == "duplicate-key@4:1");
  CHECK(only(load(kHead + "tjekliste:\n  orienteret: 2025-01-10\n  orienteret: 2025-01-11\n").ds) ==
        "duplicate-key@6:3");
}

TEST_CASE("missing required keys: at 1:1, or at the key when the value is empty") {
  auto l = load("noter: x\n");
  REQUIRE(l.ds.size() == 3);
  CHECK(l.ds[0].message == "required key 'id' is missing");
  CHECK(only(load("id: K-0001\nmedarbejder:\ndelmålgruppe: egen-kommune\n").ds) == "missing-key@2:1");
  CHECK(only(load(kHead + "afslutning:\n  dato: 2025-11-03\n").ds) == "missing-key@5:3");
}

TEST_CASE("wrong types name what was found") {
  auto l = load("id: [K-0001]\nmedarbejder: mette\ndelmålgruppe: egen-kommune\n");
  CHECK(only(l.ds) == "wrong-type@1:5");
  CHECK(l.ds[0].message == "'id' must be a single value, not a list");
  l = load(kHead + "tjekliste: [orienteret]\n");
  CHECK(l.ds[0].message == "'tjekliste' must be a mapping (key: value lines), not a list");
  CHECK(only(load(kHead + "noter:\n  a: b\n").ds) == "wrong-type@5:3");
}

TEST_CASE("dates must be real YYYY-MM-DD calendar dates") {
  CHECK(load(kHead + "opstart: 2024-02-29\n").ds.empty());
  auto l = load(kHead + "opstart: 2025-02-29\n");
  CHECK(only(l.ds) == "invalid-date@4:10");
  CHECK(l.ds[0].message == "'opstart': '2025-02-29' is not a date in the calendar");
  CHECK_FALSE(l.f.start.has);
  CHECK(load(kHead + "opstart: 2026-02-30\n").ds[0].rule == "invalid-date");
  CHECK(load(kHead + "opstart: 2026-13-01\n").ds[0].rule == "invalid-date");
  CHECK(load(kHead + "opstart: 2026-04-31\n").ds[0].rule == "invalid-date");
  l = load(kHead + "kontakt: 6/1/2026\n");
  CHECK(l.ds[0].message == "'kontakt' must be a date written YYYY-MM-DD, not '6/1/2026'; write 2026-01-06");
  CHECK(load(kHead + "kontakt: 2026-1-6\n").ds[0].rule == "invalid-date");
  CHECK(load(kHead + "kontakt: 2026-01-06T10:00\n").ds[0].rule == "invalid-date");
  CHECK(load(kHead + "dokumentation:\n  fase2: 20260106\n").ds[0].rule == "invalid-date");
  CHECK(load(kHead + "tjekliste:\n  orienteret: ja\n").ds[0].rule == "invalid-date");
  CHECK(load(kHead + "kontakt: \"2026-01-06\"\n").ds.empty());
}

TEST_CASE("values outside what a key allows") {
  CHECK(only(load(kHead + "afslutning:\n  dato: 2025-11-03\n  status: gennemfort\n").ds) == "invalid-status@6:11");
  CHECK(only(load(kHead + "peer_støtte:\n  ønsket: måske\n").ds) == "invalid-value@5:12");
}

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

TEST_CASE("a second document is reported at its --- line") {
  CHECK(only(load("---\n" + kHead + "---\n").ds) == "yaml-syntax@5:1");
  CHECK(only(load(kHead + "...\n---\nid: K-0002\n").ds) == "yaml-syntax@5:1");
  CHECK(load("---\n" + kHead).ds.empty());
}
