// [cpr-leak] in the other tracked files (load/tracked_scan): which files of the index
// listing are read and scanned, binary and UTF-16 ones, and the staged snapshot. The
// listing is given, so no git repository is needed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/tracked_scan.hpp"

namespace cti::test::load_tracked_scan {

namespace fs = std::filesystem;

git::IndexEntry tracked_entry(const std::string& path, std::string mode = "100644", int stage = 0) {
  return git::IndexEntry{path, std::move(mode), std::string(40, '0'), stage};
}

// The files with a [cpr-leak] after scanning `listing`, as file@line:col.
std::vector<std::string> tracked_leaks(const LoadedRepo& repo, const git::IndexListing& listing,
                                       const std::string& cpr_file = "cpr.yaml") {
  i18n::set_lang(Lang::en);
  Diagnostics ds;
  scan_tracked_files(repo, listing, cpr_file, ds);
  std::vector<std::string> out;
  for (const auto& d : ds) {
    CHECK(d.rule == "cpr-leak");
    out.push_back(d.file + "@" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col));
  }
  return out;
}

LoadedRepo tracked_repo(const fs::path& root, Snapshot snap = Snapshot::worktree) {
  LoadedRepo r;
  r.root = root;
  r.snapshot = snap;
  return r;
}

const std::string kTrackedNumber = "ring 150632-4123\n";

using Strings = std::vector<std::string>;

TEST_SUITE("tracked scan") {
  TEST_CASE("scan_tracked_files reads other tracked files, not cti.yaml, case files or the key file") {
    Scratch t;
    for (const char* f : {"noter.txt", "docs/møde.md", "cti.yaml", "forloeb/K-0001.yaml", "cpr.yaml",
                          "forloeb/.archive/K-0002.yaml", "forloeb/README.md"})
      t.put(f, kTrackedNumber);
    const git::IndexListing listing{
        tracked_entry("cpr.yaml"),
        tracked_entry("cti.yaml"),
        tracked_entry("docs/møde.md"),
        tracked_entry("forloeb/.archive/K-0002.yaml"),
        tracked_entry("forloeb/K-0001.yaml"),
        tracked_entry("forloeb/README.md"),
        tracked_entry("noter.txt"),
    };
    CHECK(tracked_leaks(tracked_repo(t.root), listing) ==
          Strings{"docs/møde.md@1:6", "forloeb/.archive/K-0002.yaml@1:6", "forloeb/README.md@1:6", "noter.txt@1:6"});
    // Another key file name: cpr.yaml is then an ordinary tracked file.
    CHECK(tracked_leaks(tracked_repo(t.root), {tracked_entry("cpr.yaml")}, "hemmelig/cpr.yaml") ==
          Strings{"cpr.yaml@1:6"});
  }

  TEST_CASE("scan_tracked_files skips untracked, conflicted, linked, deleted and non-regular entries") {
    Scratch t;
    t.put("untracked.txt", kTrackedNumber);
    t.put("conflict.txt", kTrackedNumber);
    t.put("target.txt", kTrackedNumber);
    fs::create_symlink(t.root / "target.txt", t.root / "link.txt");
    fs::create_directories(t.root / "sub");
    t.put("sub/inner.txt", kTrackedNumber);
    const git::IndexListing listing{
        tracked_entry("conflict.txt", "100644", 2),
        tracked_entry("link.txt", "120000"),
        tracked_entry("link.txt"),  // the index says file, the work tree has a link
        tracked_entry("deleted.txt"),
        tracked_entry("sub", "160000"),
    };
    CHECK(tracked_leaks(tracked_repo(t.root), listing).empty());
  }

  TEST_CASE("scan_tracked_files: binary files are read as strings reads them, UTF-16 text is decoded") {
    Scratch t;
    t.put("billede.png", std::string("\x89PNG\0\0", 6) + kTrackedNumber);
    t.put("late-nul.bin", std::string(8000, 'a') + std::string(1, '\0') + kTrackedNumber);
    std::string utf16 = "\xFF\xFE";
    for (char c : kTrackedNumber) {
      utf16 += c;
      utf16 += '\0';
    }
    t.put("eksport.txt", utf16);
    t.put("empty.txt", "");
    t.put("script.sh", "#!/bin/sh\necho 150632-4123\n");
    const git::IndexListing listing{tracked_entry("billede.png"), tracked_entry("eksport.txt"),
                                    tracked_entry("empty.txt"), tracked_entry("late-nul.bin"),
                                    tracked_entry("script.sh", "100755")};
    CHECK(tracked_leaks(tracked_repo(t.root), listing) ==
          Strings{"billede.png@1:12", "eksport.txt@1:6", "late-nul.bin@1:8007", "script.sh@2:6"});
  }

  TEST_CASE("scan_tracked_files: the staged snapshot scans the staged bytes, not the work tree") {
    Scratch t;
    t.put("noter.txt", "nothing here\n");
    LoadedRepo staged = tracked_repo(t.root, Snapshot::index);
    staged.other_staged = {SourceFile{"noter.txt", kTrackedNumber}, SourceFile{"cpr.yaml", kTrackedNumber},
                           SourceFile{"andet.txt", "x\n" + kTrackedNumber}};
    CHECK(tracked_leaks(staged, {tracked_entry("noter.txt")}) == Strings{"noter.txt@1:6", "andet.txt@2:6"});
    CHECK(tracked_leaks(tracked_repo(t.root), {tracked_entry("noter.txt")}).empty());
  }

  TEST_CASE("scan_tracked_files: cti.yaml's cpr_tilladt clears a number in any tracked file") {
    Scratch t;
    t.put("noter.txt", kTrackedNumber + "P-nummer 290200-4000\n");
    LoadedRepo repo = tracked_repo(t.root);
    repo.project.cpr_allowed.push_back(Field<std::string>{"re:P-nummer \\d{6}-\\d{4}", {}, true});
    CHECK(tracked_leaks(repo, {tracked_entry("noter.txt")}) == Strings{"noter.txt@1:6"});
  }
}

}  // namespace cti::test::load_tracked_scan
