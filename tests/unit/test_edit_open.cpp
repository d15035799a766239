// edit/open: the layouts every byte edit refuses (flow style, anchors, a key written
// twice, merge-conflict markers, a YAML error, a value on another line), and keys read
// the same however their letters are composed.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "edit/edit.hpp"

namespace cti::test::edit_open {

TEST_CASE("layouts the byte editor cannot place safely are refused") {
  i18n::set_lang(Lang::en);
  const std::vector<std::string> order = {"orienteret", "økonomi"};
  CHECK(refused(edit::set_checklist_item("id: K-1\ntjekliste: {orienteret: 2025-01-01}\n", "økonomi", "2025-02-01",
                                         order, false))
            .find("'tjekliste' is written in flow style") == 0);
  CHECK(refused(edit::add_contact("id: K-1\nkontakter: [{dato: 2025-01-01}]\n", edit_contact("2025-02-01"), false))
            .find("'kontakter' is written in flow style") == 0);
  CHECK(refused(edit::add_contact("id: K-1\nkontakter: []\n", edit_contact("2025-02-01"), false)).find("flow style") !=
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
  CHECK(edited(edit::set_ending(file, {D("2025-02-01"), "afbrudt", std::nullopt}, false)) ==
        "id: K-1\nafslutning:\n  dato: 2025-02-01\n  status: afbrudt\n  a\xCC\x8A"
        "rsag: \"x\"\n");
}

}  // namespace cti::test::edit_open
