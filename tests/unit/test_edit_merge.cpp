// edit/merge: two versions of a forløb file merged as records, byte-exact: their records
// applied to ours with every other byte of ours kept (comments, CRLF, BOM, order), a
// disagreement marked under a `# cti:` comment, and what records cannot say left to git.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "edit/merge.hpp"

namespace cti::test::edit_merge {

const std::string kBase =
    "id: K-MH-001   # the id\n"
    "medarbejder: mette\n"
    "opstart: 2026-11-02\n"
    "tjekliste:\n"
    "  kontakt-etableret: 2026-10-20\n"
    "kontakter:\n"
    "  - {dato: 2026-11-02, med: borger, sted: hjemme}\n"
    "# the end\n";

std::string with(std::string s, const std::string& after, const std::string& line) {
  return s.insert(s.find(after) + after.size(), line);
}

const std::string kC1 = "  - {dato: 2026-11-02, med: borger, sted: hjemme}\n";

TEST_CASE("contacts from both sides, in date order; an identical one once; every other byte of ours") {
  i18n::set_lang(Lang::en);
  std::string ours = with(kBase, kC1, "  - {dato: 2026-11-20, med: borger, sted: kontor}\n");
  ours = with(ours, "medarbejder: mette\n", "# ours' own comment\n");
  std::string theirs = with(kBase, kC1,
                            "  - {dato: 2026-11-10, med: netværk, sted: telefon}\n"
                            "  - {dato: 2026-11-20, med: borger, sted: kontor}\n");
  auto m = edit::merge_records(kBase, ours, theirs);
  REQUIRE(m);
  CHECK(m->clean);
  CHECK(m->bytes == with(ours, kC1, "  - {dato: 2026-11-10, med: netværk, sted: telefon}\n"));
}

TEST_CASE("items and documentation from either side; a key changed on their side only") {
  std::string ours = with(kBase, "  kontakt-etableret: 2026-10-20\n", "  økonomi: 2026-11-05\n");
  std::string theirs = with(kBase, "  kontakt-etableret: 2026-10-20\n", "  afdækning: 2026-11-06\n") +
                       "dokumentation:\n  opstart: 2026-11-03\n";
  theirs.replace(theirs.find("opstart: 2026-11-02"), 19, "opstart: 2026-11-03");
  auto m = edit::merge_records(kBase, ours, theirs);
  REQUIRE(m);
  CHECK(m->clean);
  CHECK(m->bytes.find("  økonomi: 2026-11-05\n") != std::string::npos);
  CHECK(m->bytes.find("  afdækning: 2026-11-06\n") != std::string::npos);
  CHECK(m->bytes.find("opstart: 2026-11-03\ntjekliste:") != std::string::npos);
  CHECK(m->bytes.find("dokumentation:\n  opstart: 2026-11-03\n") != std::string::npos);
  CHECK(m->bytes.find("# the end\n") != std::string::npos);
  CHECK(m->bytes.rfind("id: K-MH-001   # the id\n", 0) == 0);
}

TEST_CASE("CRLF and a BOM are kept") {
  auto crlf = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return "\xEF\xBB\xBF" + out;
  };
  std::string theirs = with(kBase, kC1, "  - {dato: 2026-11-10, med: borger, sted: telefon}\n");
  auto m = edit::merge_records(crlf(kBase), crlf(kBase), crlf(theirs));
  REQUIRE(m);
  CHECK(m->clean);
  CHECK(m->bytes == crlf(theirs));
}

TEST_CASE("one item with two dates: a conflict naming both values, the rest merged") {
  i18n::set_lang(Lang::da);
  std::string ours = with(kBase, "  kontakt-etableret: 2026-10-20\n", "  økonomi: 2026-11-05\n");
  std::string theirs = with(kBase, "  kontakt-etableret: 2026-10-20\n", "  økonomi: 2026-11-09\n");
  theirs = with(theirs, kC1, "  - {dato: 2026-11-10, med: borger, sted: telefon}\n");
  auto m = edit::merge_records(kBase, ours, theirs);
  REQUIRE(m);
  CHECK_FALSE(m->clean);
  CHECK(m->bytes.find("# cti: tjekliste økonomi har to værdier: 2026-11-05 (vores) og 2026-11-09 (deres)") !=
        std::string::npos);
  CHECK(m->bytes.find("<<<<<<< vores\n  økonomi: 2026-11-05\n=======\n  økonomi: 2026-11-09\n>>>>>>> deres\n") !=
        std::string::npos);
  CHECK(m->bytes.find("cti done K-MH-001 økonomi --date D --force") != std::string::npos);
  CHECK(m->bytes.find("  - {dato: 2026-11-10, med: borger, sted: telefon}\n") != std::string::npos);
  i18n::set_lang(Lang::en);
}

TEST_CASE("two afslutninger disagree: the blocks marked") {
  std::string ours = kBase + "afslutning:\n  dato: 2026-12-01\n  status: afbrudt\n";
  std::string theirs = kBase + "afslutning:\n  dato: 2026-12-03\n  status: flyttet\n";
  auto m = edit::merge_records(kBase, ours, theirs);
  REQUIRE(m);
  CHECK_FALSE(m->clean);
  CHECK(m->bytes.find("<<<<<<< ours\nafslutning:\n  dato: 2026-12-01\n  status: afbrudt\n=======\nafslutning:\n"
                      "  dato: 2026-12-03\n  status: flyttet\n>>>>>>> theirs\n") != std::string::npos);
}

TEST_CASE("what records cannot say is left to git's line merge") {
  // add/add (no base): two forløb with one id, never merged into one.
  CHECK_FALSE(edit::merge_records("", kBase, kBase));
  // Another key changed on their side, a contact removed, a file that does not open.
  std::string worker = kBase;
  worker.replace(worker.find("mette"), 5, "jonas");
  CHECK_FALSE(edit::merge_records(kBase, kBase, worker));
  std::string removed = kBase;
  removed.erase(removed.find(kC1), kC1.size());
  CHECK_FALSE(edit::merge_records(kBase, kBase, removed));
  CHECK_FALSE(edit::merge_records(kBase, kBase, kBase + "<<<<<<< x\n"));
  // Both sides changed other keys the same way: nothing to do but records.
  auto same = edit::merge_records(kBase, worker, worker);
  REQUIRE(same);
  CHECK(same->bytes == worker);
}

}  // namespace cti::test::edit_merge
