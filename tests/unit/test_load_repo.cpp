// Loading a case repository from the work tree (load/repo): which paths are case files,
// finding the root, and the forloeb/ tree scan: subfolders read, hidden names skipped,
// every other entry named with its rule. Runs on temporary directories, without git.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/repo.hpp"

namespace cti::test::load_repo {

namespace fs = std::filesystem;

// A case repository in a fresh temporary directory: cti.yaml and forloeb/, removed with
// everything in it.
struct RepoSandbox : Scratch {
  RepoSandbox() : Scratch("repo") {
    put("cti.yaml",
        "projekt: P\ndelmålgrupper: [egen-kommune]\nmedarbejdere:\n  - id: mette\n    navn: Mette\n    årsværk: 1.0\n");
  }
  void put_case(const std::string& rel, const std::string& id) const {
    put(rel, case_head(id) + "kontakt: 2025-01-06\nopstart: 2025-02-03\n");
  }
};

// The repository loaded from the work tree (messages in English); fails the test on a
// setup error.
LoadedRepo repo_loaded(const RepoSandbox& s) {
  i18n::set_lang(Lang::en);
  auto r = cti::load_repo(s.root, Snapshot::worktree);
  if (auto* e = std::get_if<std::string>(&r)) FAIL("load_repo: " << *e);
  return std::get<LoadedRepo>(std::move(r));
}

std::vector<std::string> repo_files(const LoadedRepo& r) {
  std::vector<std::string> out;
  for (const auto& f : r.forloeb) out.push_back(f.file);
  return out;
}

// "file rule severity" of each diagnostic of the tree scan (not the case files' own).
std::vector<std::string> repo_tree_diags(const LoadedRepo& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.rule == "file-name" || d.rule == "stray-file" || d.rule == "broken-link" || d.rule == "folder-link" ||
        d.rule == "unreadable" || d.rule == "special-file" || d.rule == "path-too-long")
      out.push_back(d.file + " " + d.rule + (d.severity == Severity::warning ? " warning" : " error"));
  std::sort(out.begin(), out.end());
  return out;
}

using Strings = std::vector<std::string>;

TEST_SUITE("repository") {
  TEST_CASE("is_case_path: forloeb/[FOLDERS/]NAME.yaml, not hidden, not another extension") {
    CHECK(is_case_path("forloeb/K-0001.yaml"));
    CHECK(is_case_path("forloeb/afsluttede/K-0002.yaml"));
    CHECK(is_case_path("forloeb/a/b/c/K-0003.yaml"));
    CHECK(is_case_path("forloeb/Ærø-1.yaml"));
    CHECK(is_case_path("forloeb/x.yaml"));
    CHECK_FALSE(is_case_path("forloeb/.yaml"));  // no name
    CHECK_FALSE(is_case_path("forloeb/K-0001.yml"));
    CHECK_FALSE(is_case_path("forloeb/K-0001.YAML"));
    CHECK_FALSE(is_case_path("forloeb/K-0001.yaml.bak"));
    CHECK_FALSE(is_case_path("forloeb/.K-0001.yaml"));
    CHECK_FALSE(is_case_path("forloeb/.archive/K-0001.yaml"));
    CHECK_FALSE(is_case_path("K-0001.yaml"));
    CHECK_FALSE(is_case_path("cti.yaml"));
    CHECK_FALSE(is_case_path("andet/forloeb/K-0001.yaml"));
    CHECK_FALSE(is_case_path("forloeb.yaml"));
    CHECK_FALSE(is_case_path(""));
  }

  TEST_CASE("is_hidden_case_entry: any part of the path starting with a dot") {
    CHECK(is_hidden_case_entry("forloeb/.gitkeep"));
    CHECK(is_hidden_case_entry("forloeb/.archive/K-0001.yaml"));
    CHECK(is_hidden_case_entry(".forloeb/K-0001.yaml"));
    CHECK_FALSE(is_hidden_case_entry("forloeb/K.0001.yaml"));
    CHECK_FALSE(is_hidden_case_entry("forloeb/afsluttede/K-0001.yaml"));
    CHECK_FALSE(is_hidden_case_entry(""));
  }

  TEST_CASE("find_repo_root: the nearest folder at or above with a cti.yaml file") {
    RepoSandbox s;
    fs::create_directories(s.root / "forloeb" / "afsluttede" / "dybt");
    CHECK(find_repo_root(s.root) == s.root);
    CHECK(find_repo_root(s.root / "forloeb" / "afsluttede" / "dybt") == s.root);
    // A nested repository wins over the outer one; a folder named cti.yaml is no root, a
    // FIFO named cti.yaml is one (reading it refuses it; the search never passes it by).
    s.put("under/cti.yaml", "projekt: Q\n");
    fs::create_directories(s.root / "other" / "cti.yaml");
    CHECK(find_repo_root(s.root / "under") == s.root / "under");
    CHECK(find_repo_root(s.root / "other") == s.root);
    fs::create_directories(s.root / "pipe");
    REQUIRE(::mkfifo((s.root / "pipe" / "cti.yaml").c_str(), 0600) == 0);
    CHECK(find_repo_root(s.root / "pipe") == s.root / "pipe");
  }

  TEST_CASE("load_repo reads forloeb/ and its subfolders, in path order, and skips hidden names") {
    RepoSandbox s;
    s.put_case("forloeb/K-0002.yaml", "K-0002");
    s.put_case("forloeb/K-0001.yaml", "K-0001");
    s.put_case("forloeb/afsluttede/K-0003.yaml", "K-0003");
    s.put_case("forloeb/afsluttede/2024/K-0004.yaml", "K-0004");
    s.put("forloeb/.gitkeep", "");
    s.put_case("forloeb/.archive/K-0009.yaml", "K-0009");
    s.put_case("forloeb/.K-0008.yaml", "K-0008");
    s.put("andet/K-0007.yaml", "not in the tree");
    LoadedRepo r = repo_loaded(s);
    CHECK(repo_files(r) == Strings{"forloeb/K-0001.yaml", "forloeb/K-0002.yaml", "forloeb/afsluttede/2024/K-0004.yaml",
                                   "forloeb/afsluttede/K-0003.yaml"});
    CHECK(repo_tree_diags(r).empty());
    REQUIRE(r.forloeb.size() == 4);
    CHECK(r.forloeb[2].stem == "K-0004");
    CHECK(*r.forloeb[2].id == "K-0004");
    CHECK(r.project.name == "P");
    CHECK(r.root == s.root);
  }

  TEST_CASE("load_repo names a case file with the wrong extension, with the name to rename it to") {
    RepoSandbox s;
    s.put_case("forloeb/K-0005.yml", "K-0005");
    s.put_case("forloeb/afsluttede/K-0006.YAML", "K-0006");
    s.put_case("forloeb/K-0007.Yml", "K-0007");
    LoadedRepo r = repo_loaded(s);
    CHECK(r.forloeb.empty());
    CHECK(repo_tree_diags(r) == Strings{"forloeb/K-0005.yml file-name error", "forloeb/K-0007.Yml file-name error",
                                        "forloeb/afsluttede/K-0006.YAML file-name error"});
    for (const auto& d : r.diagnostics)
      if (d.file == "forloeb/K-0005.yml")
        CHECK(d.message == "this file is not read: case files are named ID.yaml (rename it to K-0005.yaml)");
  }

  TEST_CASE("load_repo names stray files, dangling links and links to folders, and follows links to files") {
    RepoSandbox s;
    s.put("forloeb/README.md", "# Forløb\n");
    s.put("forloeb/afsluttede/noter.txt", "x");
    s.put("forloeb/K-0010", "no extension");
    s.put_case("elsewhere/K-0011.yaml", "K-0011");
    fs::create_symlink(s.root / "elsewhere" / "K-0011.yaml", s.root / "forloeb" / "K-0011.yaml");
    fs::create_symlink(s.root / "gone" / "K-0012.yaml", s.root / "forloeb" / "K-0012.yaml");
    fs::create_directory_symlink(s.root / "elsewhere", s.root / "forloeb" / "mere");
    REQUIRE(::mkfifo((s.root / "forloeb" / "K-0013.yaml").c_str(), 0600) == 0);
    LoadedRepo r = repo_loaded(s);
    // A FIFO named like a case file is a forløb that cannot be read: a row with its error.
    CHECK(repo_files(r) == Strings{"forloeb/K-0011.yaml", "forloeb/K-0013.yaml"});
    CHECK(repo_tree_diags(r) == Strings{
                                    "forloeb/K-0010 stray-file warning",
                                    "forloeb/K-0012.yaml broken-link error",
                                    "forloeb/K-0013.yaml special-file error",
                                    "forloeb/README.md stray-file warning",
                                    "forloeb/afsluttede/noter.txt stray-file warning",
                                    "forloeb/mere folder-link error",
                                });
  }

  TEST_CASE("load_repo: no forloeb/ folder is no forløb, no cti.yaml is a setup error") {
    RepoSandbox s;
    fs::remove(s.root / "forloeb");
    LoadedRepo r = repo_loaded(s);
    CHECK(r.forloeb.empty());
    CHECK(r.diagnostics.empty());
    fs::remove(s.root / "cti.yaml");
    i18n::set_lang(Lang::en);
    auto missing = cti::load_repo(s.root, Snapshot::worktree);
    REQUIRE(std::holds_alternative<std::string>(missing));
    CHECK(std::get<std::string>(missing).rfind("cannot read ", 0) == 0);
  }

  TEST_CASE("load_repo: many case files (read in parallel) all arrive, once each, in path order") {
    RepoSandbox s;
    Strings want;
    for (int i = 1; i <= 150; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "K-%04d", i);
      const std::string rel = std::string("forloeb/") + (i % 3 == 0 ? "afsluttede/" : "") + id + ".yaml";
      s.put_case(rel, id);
      want.push_back(rel);
    }
    std::sort(want.begin(), want.end());
    LoadedRepo r = repo_loaded(s);
    CHECK(repo_files(r) == want);
    for (const auto& f : r.forloeb) CHECK(*f.id == f.stem);
  }

  TEST_CASE("load_repo scans cti.yaml and every case file for CPR numbers, and cpr_tilladt clears one") {
    RepoSandbox s;
    s.put_case("forloeb/K-0001.yaml", "K-0001");
    s.put("forloeb/K-0002.yaml", case_head("K-0002") + "noter: ring 150632-4123\n");
    s.put("forloeb/K-0003.yaml", case_head("K-0003") + "noter: P-nummer 290200-4000\n");
    s.put("cti.yaml",
          "projekt: P\ndelmålgrupper: [egen-kommune]\nmedarbejdere:\n  - id: mette\n    navn: Mette\n    årsværk: 1.0\n"
          "cpr_tilladt: [\"290200-4000\"]\n");
    LoadedRepo r = repo_loaded(s);
    Strings leaks;
    for (const auto& d : r.diagnostics)
      if (d.rule == "cpr-leak")
        leaks.push_back(d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col));
    CHECK(leaks == Strings{"forloeb/K-0002.yaml:4:13"});
  }

  TEST_CASE("peek_repo_lang: cti.yaml's sprog, read leniently") {
    RepoSandbox s;
    CHECK_FALSE(peek_repo_lang(s.root));
    s.put("cti.yaml", "projekt: P\nsprog: da\n");
    CHECK(peek_repo_lang(s.root) == Lang::da);
    s.put("cti.yaml", "sprog: en\nukendt: [\n");  // broken YAML: nothing, no exception
    CHECK_FALSE(peek_repo_lang(s.root));
    s.put("cti.yaml", "sprog: [da]\n");
    CHECK_FALSE(peek_repo_lang(s.root));
    s.put("cti.yaml", "sprog: fr\n");
    CHECK_FALSE(peek_repo_lang(s.root));
    CHECK_FALSE(peek_repo_lang(s.root / "no-such-folder"));
  }
}

}  // namespace cti::test::load_repo
