// edit/: appending to the kontakter log on the bytes alone (the loader need not know the
// key), and the layouts every edit refuses: flow style, anchors, a key written twice,
// merge-conflict markers, a YAML error.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "edit/edit.hpp"

using namespace cti;

namespace {

Date D(const char* s) {
  return *parse_date(s);
}

std::string ok(const edit::Result& r) {
  if (auto* no = std::get_if<edit::Refused>(&r)) FAIL_CHECK("refused: " << no->message);
  REQUIRE(std::holds_alternative<edit::Edited>(r));
  CHECK(std::get<edit::Edited>(r).changed);
  return std::get<edit::Edited>(r).bytes;
}

std::string refused(const edit::Result& r) {
  REQUIRE(std::holds_alternative<edit::Refused>(r));
  return std::get<edit::Refused>(r).message;
}

edit::Contact contact(const char* date, std::string with = "borger", std::string where = "hjemme",
                      std::string status = "holdt") {
  return {D(date), std::move(with), std::move(where), std::move(status)};
}

const std::string kLog =
    "id: K-0001\n"
    "peer_støtte:\n"
    "  tilbudt: 2025-02-10\n"
    "kontakter:                      # the log\n"
    "  - {dato: 2025-02-05, med: borger, sted: hjemme}\n"
    "  # a comment between entries\n"
    "  - {dato: 2025-02-19, med: borger, sted: lokalsamfund, status: aflyst}\n"
    "\n"
    "mål:\n"
    "  - {område: bolig}\n";

}  // namespace

TEST_CASE("the flow entry: status only when not holdt, sted only when given") {
  CHECK(edit::contact_entry(contact("2025-02-12")) == "{dato: 2025-02-12, med: borger, sted: hjemme}");
  CHECK(edit::contact_entry(contact("2025-02-12", "netværk", "telefon", "udeblevet")) ==
        "{dato: 2025-02-12, med: netværk, sted: telefon, status: udeblevet}");
  CHECK(edit::contact_entry(contact("2025-02-12", "myndighed", "")) == "{dato: 2025-02-12, med: myndighed}");
}

TEST_CASE("a contact goes after the last one on or before its date") {
  CHECK(ok(edit::add_contact(kLog, contact("2025-02-12", "netværk", "telefon"), false)) ==
        "id: K-0001\n"
        "peer_støtte:\n"
        "  tilbudt: 2025-02-10\n"
        "kontakter:                      # the log\n"
        "  - {dato: 2025-02-05, med: borger, sted: hjemme}\n"
        "  - {dato: 2025-02-12, med: netværk, sted: telefon}\n"
        "  # a comment between entries\n"
        "  - {dato: 2025-02-19, med: borger, sted: lokalsamfund, status: aflyst}\n"
        "\n"
        "mål:\n"
        "  - {område: bolig}\n");
  CHECK(ok(edit::add_contact(kLog, contact("2025-01-30"), false))
            .find("# the log\n  - {dato: 2025-01-30, med: borger, sted: hjemme}\n  - {dato: 2025-02-05") !=
        std::string::npos);
  CHECK(ok(edit::add_contact(kLog, contact("2025-02-19", "borger", "kontor"), false))
            .find("status: aflyst}\n  - {dato: 2025-02-19, med: borger, sted: kontor}\n\nmål:") != std::string::npos);
}

TEST_CASE("the same contact again is a no-op; force adds it") {
  auto again = edit::add_contact(kLog, contact("2025-02-05"), false);
  REQUIRE(std::holds_alternative<edit::Edited>(again));
  CHECK_FALSE(std::get<edit::Edited>(again).changed);
  CHECK(std::get<edit::Edited>(again).bytes == kLog);
  CHECK(ok(edit::add_contact(kLog, contact("2025-02-05"), true))
            .find("hjemme}\n  - {dato: 2025-02-05, med: borger, sted: hjemme}\n  # a comment") != std::string::npos);
}

TEST_CASE("a missing kontakter block is created after peer_støtte, before mål; CRLF and a list flush with its key") {
  const std::string file = "id: K-0002\r\npeer_støtte:\r\n  tilbudt: 2025-02-10\r\nmål:\r\n  - {område: bolig}\r\n";
  CHECK(ok(edit::add_contact(file, contact("2025-03-01"), false)) ==
        "id: K-0002\r\npeer_støtte:\r\n  tilbudt: 2025-02-10\r\nkontakter:\r\n"
        "  - {dato: 2025-03-01, med: borger, sted: hjemme}\r\nmål:\r\n  - {område: bolig}\r\n");
  const std::string flush = "id: K-0002\nkontakter:\n- {dato: 2025-02-05, med: borger}\nnoter: x\n";
  CHECK(ok(edit::add_contact(flush, contact("2025-03-01", "andet", "video"), false)) ==
        "id: K-0002\nkontakter:\n- {dato: 2025-02-05, med: borger}\n- {dato: 2025-03-01, med: andet, sted: video}\n"
        "noter: x\n");
  const std::string empty = "id: K-0002\nkontakter:\nnoter: x\n";
  CHECK(ok(edit::add_contact(empty, contact("2025-03-01"), false)) ==
        "id: K-0002\nkontakter:\n  - {dato: 2025-03-01, med: borger, sted: hjemme}\nnoter: x\n");
}

TEST_CASE("block-style entries are kept whole") {
  const std::string file =
      "id: K-0003\nkontakter:\n  - dato: 2025-02-05\n    med: borger\n  - dato: 2025-02-20\n    med: andet\n";
  CHECK(ok(edit::add_contact(file, contact("2025-02-10"), false)) ==
        "id: K-0003\nkontakter:\n  - dato: 2025-02-05\n    med: borger\n"
        "  - {dato: 2025-02-10, med: borger, sted: hjemme}\n  - dato: 2025-02-20\n    med: andet\n");
}

TEST_CASE("layouts the byte editor cannot place safely are refused") {
  i18n::set_lang(Lang::en);
  const std::vector<std::string> order = {"orienteret", "økonomi"};
  CHECK(refused(edit::set_checklist_item("id: K-1\ntjekliste: {orienteret: 2025-01-01}\n", "økonomi", "2025-02-01",
                                         order, false))
            .find("'tjekliste' is written in flow style") == 0);
  CHECK(refused(edit::add_contact("id: K-1\nkontakter: [{dato: 2025-01-01}]\n", contact("2025-02-01"), false))
            .find("'kontakter' is written in flow style") == 0);
  CHECK(refused(edit::add_contact("id: K-1\nkontakter: []\n", contact("2025-02-01"), false)).find("flow style") !=
        std::string::npos);
  CHECK(refused(edit::set_documentation("id: K-1\ndokumentation: {}\n", DocPoint::fase2, D("2025-01-01"), false))
            .find("flow style") != std::string::npos);
  CHECK(refused(edit::set_start("id: &a K-1\nkontakt: 2025-01-01\nnoter: *a\n", D("2025-02-01"), false)) ==
        "line 1: the file uses YAML anchors or aliases (& or *), which cti does not edit; record this by hand");
  CHECK(refused(edit::set_start("id: K-1\nkontakt: 2025-01-01\nid: K-1\n", D("2025-02-01"), false)) ==
        "line 3: key 'id' is written twice; remove one of them by hand, then run the command again");
  CHECK(refused(edit::set_checklist_item("id: K-1\ntjekliste:\n  orienteret: 2025-01-01\n  orienteret: 2025-01-02\n",
                                         "økonomi", "2025-02-01", order, false))
            .find("line 4: key 'orienteret' is written twice") == 0);
  const std::string conflict =
      "id: K-1\n<<<<<<< HEAD\nopstart: 2025-02-01\n=======\nopstart: 2025-02-03\n>>>>>>> other\n";
  CHECK(refused(edit::set_start(conflict, D("2025-02-01"), false)).find("line 2: the file has git merge-conflict") ==
        0);
  CHECK(refused(edit::set_start("id: [K-1\n", D("2025-02-01"), false)).find("is not valid YAML") != std::string::npos);
  CHECK(refused(edit::set_start("- a\n- b\n", D("2025-02-01"), false)).find("column 1") != std::string::npos);
  CHECK(refused(edit::set_start("id: K-1\nopstart:\n  2025-01-01\n", D("2025-02-01"), false))
            .find("has its value on another line") != std::string::npos);
  CHECK(refused(edit::set_ending("id: K-1\nafslutning: slut\n", {D("2025-02-01"), "afbrudt", std::nullopt}, false))
            .find("is not a mapping") != std::string::npos);
}

TEST_CASE("a key written with a decomposed å is the same key") {
  const std::string file =
      "id: K-1\nafslutning:\n  a\xCC\x8A"
      "rsag: \"x\"\n";
  CHECK(ok(edit::set_ending(file, {D("2025-02-01"), "afbrudt", std::nullopt}, false)) ==
        "id: K-1\nafslutning:\n  dato: 2025-02-01\n  status: afbrudt\n  a\xCC\x8A"
        "rsag: \"x\"\n");
}

TEST_CASE("an entry or value spread over lines is kept whole") {
  const std::string file =
      "id: K-0004\nkontakter:\n- {dato: 2025-02-05, med: borger,\n}\n- {dato: 2025-03-05, med: borger}\n"
      "noter: \"to\n  linjer\"\n";
  CHECK(ok(edit::add_contact(file, contact("2025-02-10", "borger", ""), false)) ==
        "id: K-0004\nkontakter:\n- {dato: 2025-02-05, med: borger,\n}\n- {dato: 2025-02-10, med: borger}\n"
        "- {dato: 2025-03-05, med: borger}\nnoter: \"to\n  linjer\"\n");
  CHECK(ok(edit::set_ending(file, {D("2025-04-01"), "gennemført", std::nullopt}, false))
            .find("med: borger}\nafslutning:\n  dato: 2025-04-01\n  status: gennemført\nnoter:") != std::string::npos);
}

TEST_CASE("an edit that would not read back as intended is refused, not written") {
  i18n::set_lang(Lang::en);
  // "kontakt" on its own line continues the value of id (a plain scalar over two lines).
  CHECK(refused(edit::set_start("id: K-0001\nkontakt", D("2025-02-01"), false))
            .find("cti cannot place the new line safely") == 0);
}
