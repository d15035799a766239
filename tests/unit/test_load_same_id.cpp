// Two forløb with one id (load/same_id): an add/add conflict in the git index explained
// with the one command that moves the unpushed side to the next free id. The index listing is given, so no git
// repository is needed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/same_id.hpp"

namespace cti::test::load_same_id {

// An index entry at `stage` (blob ids do not matter here).
git::IndexEntry staged_entry(const std::string& path, int stage = 0) {
  return git::IndexEntry{path, "100644", std::string(40, '0'), stage};
}

// A [merge-conflict] as the text check reports one on a case file.
Diagnostic conflict_marker(const std::string& path) {
  return make_diag(path, {1, 1}, Severity::error, "merge-conflict", "git merge-conflict marker");
}

// The diagnostics explain_same_id adds to `before` for this listing (messages in English).
Diagnostics same_id_added(const git::IndexListing& listing, Diagnostics before) {
  i18n::set_lang(Lang::en);
  const std::size_t n = before.size();
  explain_same_id("/nonexistent-cti-unit-repo", listing, before);
  return Diagnostics(before.begin() + static_cast<std::ptrdiff_t>(n), before.end());
}

TEST_SUITE("same id") {
  TEST_CASE("explain_same_id: an add/add conflict gets the next free id and the git commands") {
    const git::IndexListing listing{
        staged_entry("cti.yaml"),
        staged_entry("forloeb/K-0001.yaml"),
        staged_entry("forloeb/K-0007.yaml", 2),
        staged_entry("forloeb/K-0007.yaml", 3),
        staged_entry("forloeb/afsluttede/K-0012.yaml"),
    };
    Diagnostics added = same_id_added(listing, {conflict_marker("forloeb/K-0007.yaml")});
    REQUIRE(added.size() == 1);
    CHECK(only(added) == "merge-conflict@1:1");
    CHECK(added[0].file == "forloeb/K-0007.yaml");
    CHECK(added[0].message ==
          "two forløb got the same id K-0007 (both branches added forloeb/K-0007.yaml); give the one not yet pushed "
          "the next free id: cti renumber K-0007 K-0013");
  }

  TEST_CASE("explain_same_id: nothing without a conflict in forloeb/, nothing more for a marked ordinary one") {
    const git::IndexListing merged{staged_entry("cti.yaml"), staged_entry("forloeb/K-0007.yaml")};
    CHECK(same_id_added(merged, {}).empty());
    CHECK(same_id_added(merged, {conflict_marker("cti.yaml")}).empty());
    // Both changed a file they shared (stage 1, the common base, is there): not the same id,
    // and the markers already say what there is to say.
    const git::IndexListing modify{staged_entry("forloeb/K-0007.yaml", 1), staged_entry("forloeb/K-0007.yaml", 2),
                                   staged_entry("forloeb/K-0007.yaml", 3)};
    CHECK(same_id_added(modify, {conflict_marker("forloeb/K-0007.yaml")}).empty());
    // Deleted on one side: only one of stages 2 and 3.
    const git::IndexListing deleted{staged_entry("forloeb/K-0007.yaml", 1), staged_entry("forloeb/K-0007.yaml", 2)};
    CHECK(same_id_added(deleted, {conflict_marker("forloeb/K-0007.yaml")}).empty());
    CHECK(same_id_added({}, {conflict_marker("forloeb/K-0007.yaml")}).empty());
  }

  TEST_CASE("explain_same_id: an unmerged file without markers (a merge driver kept one side) is named") {
    const git::IndexListing modify{staged_entry("forloeb/K-0007.yaml", 1), staged_entry("forloeb/K-0007.yaml", 2),
                                   staged_entry("forloeb/K-0007.yaml", 3)};
    Diagnostics a = same_id_added(modify, {});
    REQUIRE(a.size() == 1);
    CHECK(only(a) == "merge-conflict@1:1");
    CHECK(a[0].message.find("not finished") != std::string::npos);
    // An add/add clash is found from the index alone too.
    const git::IndexListing add_add{staged_entry("forloeb/K-0007.yaml", 2), staged_entry("forloeb/K-0007.yaml", 3)};
    Diagnostics b = same_id_added(add_add, {});
    REQUIRE(b.size() == 1);
    CHECK(b[0].message.find("cti renumber K-0007 K-0008") != std::string::npos);
  }

  TEST_CASE("explain_same_id: two clashes get two different new ids, in the clashing file's folder") {
    const git::IndexListing listing{
        staged_entry("forloeb/K-0003.yaml", 2),
        staged_entry("forloeb/K-0003.yaml", 3),
        staged_entry("forloeb/afsluttede/K-0004.yaml", 2),
        staged_entry("forloeb/afsluttede/K-0004.yaml", 3),
    };
    Diagnostics added = same_id_added(listing, {conflict_marker("forloeb/K-0003.yaml")});
    REQUIRE(added.size() == 2);
    CHECK(added[0].message.find("cti renumber K-0003 K-0005") != std::string::npos);
    CHECK(added[1].file == "forloeb/afsluttede/K-0004.yaml");
    CHECK(added[1].message.find("cti renumber K-0004 K-0006") != std::string::npos);
  }

  TEST_CASE("explain_same_id: the new id keeps the widest number width of its kind, at least three digits") {
    const git::IndexListing wide{staged_entry("forloeb/K-00099.yaml"), staged_entry("forloeb/K-7.yaml", 2),
                                 staged_entry("forloeb/K-7.yaml", 3)};
    Diagnostics a = same_id_added(wide, {conflict_marker("forloeb/K-7.yaml")});
    REQUIRE(a.size() == 1);
    CHECK(a[0].message.find("cti renumber K-7 K-00100") != std::string::npos);
    const git::IndexListing narrow{staged_entry("forloeb/B1.yaml", 2), staged_entry("forloeb/B1.yaml", 3)};
    Diagnostics b = same_id_added(narrow, {conflict_marker("forloeb/B1.yaml")});
    REQUIRE(b.size() == 1);
    CHECK(b[0].message.find("cti renumber B1 B002") != std::string::npos);
    // Another worker's code is another kind: its numbers do not count.
    const git::IndexListing codes{staged_entry("forloeb/K-JH-041.yaml"), staged_entry("forloeb/K-MH-002.yaml", 2),
                                  staged_entry("forloeb/K-MH-002.yaml", 3)};
    Diagnostics c = same_id_added(codes, {});
    REQUIRE(c.size() == 1);
    CHECK(c[0].message.find("cti renumber K-MH-002 K-MH-003") != std::string::npos);
  }

  TEST_CASE("explain_same_id: an id without a number gets '-2'") {
    const git::IndexListing listing{staged_entry("forloeb/anna.yaml", 2), staged_entry("forloeb/anna.yaml", 3)};
    Diagnostics a = same_id_added(listing, {conflict_marker("forloeb/anna.yaml")});
    REQUIRE(a.size() == 1);
    CHECK(a[0].message.find("cti renumber anna anna-2") != std::string::npos);
    // Digits too many to be a counter are not one either.
    const std::string huge = "forloeb/K-1234567890123456.yaml";
    Diagnostics b = same_id_added({staged_entry(huge, 2), staged_entry(huge, 3)}, {conflict_marker(huge)});
    REQUIRE(b.size() == 1);
    CHECK(b[0].message.find("cti renumber K-1234567890123456 K-1234567890123456-2") != std::string::npos);
  }
}

}  // namespace cti::test::load_same_id
