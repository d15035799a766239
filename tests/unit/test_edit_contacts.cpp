// edit/contacts: appending to the kontakter log on the bytes alone (the loader need not
// know the key): the flow entry, its place in date order, a new block, block-style entries.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "edit/edit.hpp"

namespace cti::test::edit_contacts {

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

TEST_CASE("the flow entry: status only when not holdt, sted only when given") {
  CHECK(edit::contact_entry(edit_contact("2025-02-12")) == "{dato: 2025-02-12, med: borger, sted: hjemme}");
  CHECK(edit::contact_entry(edit_contact("2025-02-12", "netværk", "telefon", "udeblevet")) ==
        "{dato: 2025-02-12, med: netværk, sted: telefon, status: udeblevet}");
  CHECK(edit::contact_entry(edit_contact("2025-02-12", "myndighed", "")) == "{dato: 2025-02-12, med: myndighed}");
}

TEST_CASE("a contact goes after the last one on or before its date") {
  CHECK(edited(edit::add_contact(kLog, edit_contact("2025-02-12", "netværk", "telefon"), false)) ==
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
  CHECK(edited(edit::add_contact(kLog, edit_contact("2025-01-30"), false))
            .find("# the log\n  - {dato: 2025-01-30, med: borger, sted: hjemme}\n  - {dato: 2025-02-05") !=
        std::string::npos);
  CHECK(edited(edit::add_contact(kLog, edit_contact("2025-02-19", "borger", "kontor"), false))
            .find("status: aflyst}\n  - {dato: 2025-02-19, med: borger, sted: kontor}\n\nmål:") != std::string::npos);
}

TEST_CASE("the same contact again is a no-op; force adds it") {
  auto again = edit::add_contact(kLog, edit_contact("2025-02-05"), false);
  REQUIRE(std::holds_alternative<edit::Edited>(again));
  CHECK_FALSE(std::get<edit::Edited>(again).changed);
  CHECK(std::get<edit::Edited>(again).bytes == kLog);
  CHECK(edited(edit::add_contact(kLog, edit_contact("2025-02-05"), true))
            .find("hjemme}\n  - {dato: 2025-02-05, med: borger, sted: hjemme}\n  # a comment") != std::string::npos);
}

TEST_CASE("a missing kontakter block is created after peer_støtte, before mål; CRLF and a list flush with its key") {
  const std::string file = "id: K-0002\r\npeer_støtte:\r\n  tilbudt: 2025-02-10\r\nmål:\r\n  - {område: bolig}\r\n";
  CHECK(edited(edit::add_contact(file, edit_contact("2025-03-01"), false)) ==
        "id: K-0002\r\npeer_støtte:\r\n  tilbudt: 2025-02-10\r\nkontakter:\r\n"
        "  - {dato: 2025-03-01, med: borger, sted: hjemme}\r\nmål:\r\n  - {område: bolig}\r\n");
  const std::string flush = "id: K-0002\nkontakter:\n- {dato: 2025-02-05, med: borger}\nnoter: x\n";
  CHECK(edited(edit::add_contact(flush, edit_contact("2025-03-01", "andet", "video"), false)) ==
        "id: K-0002\nkontakter:\n- {dato: 2025-02-05, med: borger}\n- {dato: 2025-03-01, med: andet, sted: video}\n"
        "noter: x\n");
  const std::string empty = "id: K-0002\nkontakter:\nnoter: x\n";
  CHECK(edited(edit::add_contact(empty, edit_contact("2025-03-01"), false)) ==
        "id: K-0002\nkontakter:\n  - {dato: 2025-03-01, med: borger, sted: hjemme}\nnoter: x\n");
}

TEST_CASE("block-style entries are kept whole") {
  const std::string file =
      "id: K-0003\nkontakter:\n  - dato: 2025-02-05\n    med: borger\n  - dato: 2025-02-20\n    med: andet\n";
  CHECK(edited(edit::add_contact(file, edit_contact("2025-02-10"), false)) ==
        "id: K-0003\nkontakter:\n  - dato: 2025-02-05\n    med: borger\n"
        "  - {dato: 2025-02-10, med: borger, sted: hjemme}\n  - dato: 2025-02-20\n    med: andet\n");
}

TEST_CASE("an entry or value spread over lines is kept whole") {
  const std::string file =
      "id: K-0004\nkontakter:\n- {dato: 2025-02-05, med: borger,\n}\n- {dato: 2025-03-05, med: borger}\n"
      "noter: \"to\n  linjer\"\n";
  CHECK(edited(edit::add_contact(file, edit_contact("2025-02-10", "borger", ""), false)) ==
        "id: K-0004\nkontakter:\n- {dato: 2025-02-05, med: borger,\n}\n- {dato: 2025-02-10, med: borger}\n"
        "- {dato: 2025-03-05, med: borger}\nnoter: \"to\n  linjer\"\n");
  CHECK(edited(edit::set_ending(file, {D("2025-04-01"), "gennemført", std::nullopt}, false))
            .find("med: borger}\nafslutning:\n  dato: 2025-04-01\n  status: gennemført\nnoter:") != std::string::npos);
}

}  // namespace cti::test::edit_contacts
