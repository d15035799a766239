// edit/: byte-exact before/after of the recording edits (checklist, documentation,
// opstart, afslutning): comments, blank lines, CRLF, BOM and key order kept; a block
// created at its template place; each new line at its canonical position.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "edit/edit.hpp"

namespace cti::test::edit_record {

// The text with every LF written CRLF.
std::string crlf(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n') ? std::string("\r\n") : std::string(1, c);
  return out;
}

const std::vector<std::string> kOrder = {"kontakt-etableret", "orienteret", "kontaktaftale", "økonomi",
                                         "afdækning",         "jobcenter",  "evaluering"};

const std::string kFile =
    "# Forløb K-0001 (a comment kept as it is)\n"
    "id: K-0001\n"
    "medarbejder: mette        # aligned comment\n"
    "delmålgruppe: \"egen-kommune\"\n"
    "kontakt: 2026-05-04\n"
    "\n"
    "tjekliste:\n"
    "  kontakt-etableret: 2026-05-04  # first\n"
    "  # a comment inside the block\n"
    "  kontaktaftale: 2026-05-11\n"
    "\n"
    "  jobcenter: ikke relevant\n"
    "dokumentation:\n"
    "  fase3: 2026-12-01\n"
    "noter: |\n"
    "  Fri tekst.\n"
    "  # not a comment: part of noter\n";

TEST_CASE("a checklist item goes to its place in checklist order; every other byte is kept") {
  i18n::set_lang(Lang::en);
  std::string after = edited(edit::set_checklist_item(kFile, "orienteret", "2026-11-30", kOrder, false));
  CHECK(after ==
        "# Forløb K-0001 (a comment kept as it is)\n"
        "id: K-0001\n"
        "medarbejder: mette        # aligned comment\n"
        "delmålgruppe: \"egen-kommune\"\n"
        "kontakt: 2026-05-04\n"
        "\n"
        "tjekliste:\n"
        "  kontakt-etableret: 2026-05-04  # first\n"
        "  orienteret: 2026-11-30\n"
        "  # a comment inside the block\n"
        "  kontaktaftale: 2026-05-11\n"
        "\n"
        "  jobcenter: ikke relevant\n"
        "dokumentation:\n"
        "  fase3: 2026-12-01\n"
        "noter: |\n"
        "  Fri tekst.\n"
        "  # not a comment: part of noter\n");

  std::string eco = edited(edit::set_checklist_item(kFile, "økonomi", "2026-11-30", kOrder, false));
  CHECK(eco.find("  kontaktaftale: 2026-05-11\n  økonomi: 2026-11-30\n\n  jobcenter: ikke relevant\n") !=
        std::string::npos);
  std::string last = edited(edit::set_checklist_item(kFile, "evaluering", "ikke relevant", kOrder, false));
  CHECK(last.find("  jobcenter: ikke relevant\n  evaluering: ikke relevant\ndokumentation:\n") != std::string::npos);
  std::string first = edited(edit::set_checklist_item(kFile, "kontakt-etableret", "2026-05-05", kOrder, true));
  CHECK(first.find("  kontakt-etableret: 2026-05-05  # first\n") != std::string::npos);
  CHECK(first.size() == kFile.size());
}

TEST_CASE("CRLF line endings and a UTF-8 BOM are kept") {
  const std::string bom = "\xEF\xBB\xBF";
  std::string after = edited(edit::set_checklist_item(bom + crlf(kFile), "økonomi", "2026-11-30", kOrder, false));
  std::string expected = edited(edit::set_checklist_item(kFile, "økonomi", "2026-11-30", kOrder, false));
  CHECK(after == bom + crlf(expected));
  std::string start = edited(edit::set_start(bom + crlf(kFile), D("2026-06-01"), false));
  CHECK(start == bom + crlf(edited(edit::set_start(kFile, D("2026-06-01"), false))));
}

TEST_CASE("the block's own indentation is used for a new line") {
  const std::string four = "id: K-0001\ntjekliste:\n    orienteret: 2026-05-04\n";
  CHECK(edited(edit::set_checklist_item(four, "kontaktaftale", "2026-05-10", kOrder, false)) ==
        "id: K-0001\ntjekliste:\n    orienteret: 2026-05-04\n    kontaktaftale: 2026-05-10\n");
  CHECK(edited(edit::set_checklist_item(four, "kontakt-etableret", "2026-05-01", kOrder, false)) ==
        "id: K-0001\ntjekliste:\n    kontakt-etableret: 2026-05-01\n    orienteret: 2026-05-04\n");
}

TEST_CASE("a missing block is created where the template puts it") {
  const std::string file =
      "id: K-0002\nmedarbejder: mette\nkontakt: 2026-05-04\nopstart: 2026-06-01  # fase 1\n"
      "dokumentation:\n  opstart: 2026-06-03\nafslutning:\n  dato: 2026-09-01\n  status: afbrudt\n";
  CHECK(edited(edit::set_checklist_item(file, "økonomi", "2026-07-01", kOrder, false)) ==
        "id: K-0002\nmedarbejder: mette\nkontakt: 2026-05-04\nopstart: 2026-06-01  # fase 1\n"
        "tjekliste:\n  økonomi: 2026-07-01\n"
        "dokumentation:\n  opstart: 2026-06-03\nafslutning:\n  dato: 2026-09-01\n  status: afbrudt\n");
  const std::string no_doc = "id: K-0002\nkontakt: 2026-05-04\nnoter: |\n  tekst\n";
  CHECK(edited(edit::set_documentation(no_doc, DocPoint::opstart, D("2026-06-03"), false)) ==
        "id: K-0002\nkontakt: 2026-05-04\ndokumentation:\n  opstart: 2026-06-03\nnoter: |\n  tekst\n");
  CHECK(edited(edit::set_start(no_doc, D("2026-06-01"), false)) ==
        "id: K-0002\nkontakt: 2026-05-04\nopstart: 2026-06-01\nnoter: |\n  tekst\n");
  // Nothing after it: the end of the file, which keeps ending without a line break.
  CHECK(edited(edit::set_start("id: K-0002\nkontakt: 2026-05-04", D("2026-06-01"), false)) ==
        "id: K-0002\nkontakt: 2026-05-04\nopstart: 2026-06-01");
}

TEST_CASE("in a file from the template a new key goes just above its commented-out line") {
  const std::string file =
      "id: K-0003\n"
      "kontakt: 2026-05-04         # første kontakt\n"
      "\n"
      "# opstart: ÅÅÅÅ-MM-DD       # fase 1 begynder\n"
      "# indflytning: ÅÅÅÅ-MM-DD\n"
      "\n"
      "# tjekliste:                # udførte punkter\n"
      "#   kontakt-etableret: ÅÅÅÅ-MM-DD\n"
      "\n"
      "# afslutning:\n"
      "#   dato: ÅÅÅÅ-MM-DD\n";
  std::string started = edited(edit::set_start(file, D("2026-06-01"), false));
  CHECK(started ==
        "id: K-0003\n"
        "kontakt: 2026-05-04         # første kontakt\n"
        "\n"
        "opstart: 2026-06-01\n"
        "# opstart: ÅÅÅÅ-MM-DD       # fase 1 begynder\n"
        "# indflytning: ÅÅÅÅ-MM-DD\n"
        "\n"
        "# tjekliste:                # udførte punkter\n"
        "#   kontakt-etableret: ÅÅÅÅ-MM-DD\n"
        "\n"
        "# afslutning:\n"
        "#   dato: ÅÅÅÅ-MM-DD\n");
  std::string done = edited(edit::set_checklist_item(started, "orienteret", "2026-05-10", kOrder, false));
  CHECK(done.find("\n\ntjekliste:\n  orienteret: 2026-05-10\n# tjekliste:") != std::string::npos);
  std::string ended = edited(edit::set_ending(done, {D("2026-09-01"), "afbrudt", std::nullopt}, false));
  CHECK(ended.find("\n\nafslutning:\n  dato: 2026-09-01\n  status: afbrudt\n# afslutning:\n") != std::string::npos);
}

TEST_CASE("documentation points follow the schedule order") {
  CHECK(edited(edit::set_documentation(kFile, DocPoint::fase2, D("2026-09-01"), false))
            .find("dokumentation:\n  fase2: 2026-09-01\n  fase3: 2026-12-01\nnoter:") != std::string::npos);
  CHECK(edited(edit::set_documentation(kFile, DocPoint::afslutning, D("2027-02-01"), false))
            .find("  fase3: 2026-12-01\n  afslutning: 2027-02-01\nnoter: |\n  Fri tekst.\n") != std::string::npos);
}

TEST_CASE("a value already there: the same is a no-op, another needs force") {
  i18n::set_lang(Lang::en);
  auto same = edit::set_checklist_item(kFile, "kontaktaftale", "2026-05-11", kOrder, false);
  REQUIRE(std::holds_alternative<edit::Edited>(same));
  CHECK_FALSE(std::get<edit::Edited>(same).changed);
  CHECK(std::get<edit::Edited>(same).bytes == kFile);

  auto other = edit::set_checklist_item(kFile, "kontaktaftale", "2026-05-12", kOrder, false);
  REQUIRE(std::holds_alternative<edit::Refused>(other));
  CHECK(std::get<edit::Refused>(other).message ==
        "tjekliste.kontaktaftale is already recorded as 2026-05-11; use --force to replace it with 2026-05-12");
  auto nr = edit::set_checklist_item(kFile, "jobcenter", "2026-05-12", kOrder, false);
  CHECK(std::holds_alternative<edit::Refused>(nr));

  auto forced = edit::set_checklist_item(kFile, "jobcenter", "2026-05-12", kOrder, true);
  REQUIRE(std::holds_alternative<edit::Edited>(forced));
  CHECK(std::get<edit::Edited>(forced).previous == "ikke relevant");
  CHECK(std::get<edit::Edited>(forced).bytes.find("\n  jobcenter: 2026-05-12\ndokumentation:") != std::string::npos);
}

TEST_CASE("opstart: quoting and the comment after the value are kept") {
  const std::string file = "id: K-0004\nkontakt: 2026-05-04\nopstart: '2026-06-01'   # fase 1\nnoter: x\n";
  CHECK(edited(edit::set_start(file, D("2026-06-02"), true)) ==
        "id: K-0004\nkontakt: 2026-05-04\nopstart: '2026-06-02'   # fase 1\nnoter: x\n");
  const std::string empty = "id: K-0004\nkontakt: 2026-05-04\nopstart:   # not yet\nnoter: x\n";
  CHECK(edited(edit::set_start(empty, D("2026-06-02"), false)) ==
        "id: K-0004\nkontakt: 2026-05-04\nopstart: 2026-06-02   # not yet\nnoter: x\n");
  auto same = edit::set_start(file, D("2026-06-01"), false);
  REQUIRE(std::holds_alternative<edit::Edited>(same));
  CHECK_FALSE(std::get<edit::Edited>(same).changed);
}

TEST_CASE("afslutning: created, completed, a reason quoted, changes need force") {
  i18n::set_lang(Lang::en);
  const std::string head = "id: K-0005\nkontakt: 2026-01-05\nopstart: 2026-02-01\n";
  CHECK(edited(edit::set_ending(head + "noter: x\n", {D("2026-08-01"), "afbrudt", std::string("Flyttede \"væk\"")},
                                false)) ==
        head + "afslutning:\n  dato: 2026-08-01\n  status: afbrudt\n  årsag: \"Flyttede \\\"væk\\\"\"\nnoter: x\n");
  const std::string partial = head + "afslutning:\n  status: afbrudt   # why\n  årsag: \"x\"\n";
  CHECK(edited(edit::set_ending(partial, {D("2026-08-01"), "afbrudt", std::nullopt}, false)) ==
        head + "afslutning:\n  dato: 2026-08-01\n  status: afbrudt   # why\n  årsag: \"x\"\n");
  const std::string full = head + "afslutning:\n  dato: 2026-08-01\n  status: gennemført\n";
  auto again = edit::set_ending(full, {D("2026-08-01"), "gennemført", std::nullopt}, false);
  REQUIRE(std::holds_alternative<edit::Edited>(again));
  CHECK_FALSE(std::get<edit::Edited>(again).changed);
  auto other = edit::set_ending(full, {D("2026-08-01"), "afbrudt", std::nullopt}, false);
  REQUIRE(std::holds_alternative<edit::Refused>(other));
  CHECK(std::get<edit::Refused>(other).message.find("afslutning.status is already recorded as gennemført") == 0);
  CHECK(edited(edit::set_ending(full, {D("2026-08-02"), "afbrudt", std::nullopt}, true)) ==
        head + "afslutning:\n  dato: 2026-08-02\n  status: afbrudt\n");
}

}  // namespace cti::test::edit_record
