// The checked repository: the one way a command gets data. check_repo() loads the
// repository (work tree or git index), runs every rule, and gives each forløb file one
// verdict (Forloeb::diagnostics). Views decide from it how a file with errors is shown
// (a marked row, counted), never by skipping it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/date.hpp"
#include "base/forloeb.hpp"
#include "base/git.hpp"
#include "base/project.hpp"
#include "load/repo.hpp"

namespace cti {

struct CheckedRepo {
  std::filesystem::path root;
  Snapshot snapshot = Snapshot::worktree;
  Date today;
  Project project;
  std::vector<Forloeb> forloeb;            // every forløb file, in path order, each with its verdict
  Diagnostics repo_diagnostics;            // cti.yaml, stray files, other tracked files, key file
  std::optional<git::IndexListing> index;  // the git index when the repository is in git
  std::vector<SourceFile> other_staged;    // Snapshot::index: other staged files
  std::size_t from_cache = 0;              // forløb files whose reading came from the cache

  // Every diagnostic, sorted by file and position.
  Diagnostics all_diagnostics() const;
  // Forløb files with at least one error.
  int invalid() const;
  // The forløb an argument names: its id, its file (forloeb/K-0007.yaml or K-0007.yaml),
  // or just its number ("7", "0007"; "MH7", "mh-7" for K-MH-007) when exactly one id ends
  // with that number. Several when files share the id; none when nothing (or an
  // ambiguous number) matches. Every command looks ids up here.
  std::vector<const Forloeb*> find(std::string_view arg) const;
  // Every forløb the argument could name (an ambiguous number gives them all).
  std::vector<const Forloeb*> candidates(std::string_view arg) const;
};

struct CheckOptions {
  std::filesystem::path root;
  Snapshot snapshot = Snapshot::worktree;
  Date today;
  std::filesystem::path key_file;  // absolute path of the CPR key file
  bool scan_tracked = false;       // [cpr-leak] over every other tracked file (validate)
  bool key_retention = false;      // [cpr-retention] over the key file when it exists (validate)
  bool use_cache = false;          // the cache of checked files (SPEC 10; --no-cache turns it off)
};

// Loads and checks; an error text for a setup problem (no cti.yaml, not a git repo).
std::variant<CheckedRepo, std::string> check_repo(const CheckOptions& o);

}  // namespace cti
