// The load stage: a repository's files (work tree or git index) -> typed records
// plus the diagnostics found while reading them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/forloeb.hpp"
#include "base/git.hpp"
#include "base/project.hpp"
#include "load/cpr_leak.hpp"
#include "load/source_file.hpp"

namespace cti {

inline constexpr const char* kConfigFile = "cti.yaml";
inline constexpr const char* kCaseDir = "forloeb";

// forloeb/[SUBFOLDER/...]NAME.yaml (relative to the root): a case file. Subfolders
// (forloeb/afsluttede/) are part of the tree; hidden names (.gitkeep, .archive/) are not.
bool is_case_path(const std::string& rel);

// Whether `rel` (under forloeb/) is hidden: some part of its path starts with '.'.
bool is_hidden_case_entry(const std::string& rel);

// The nearest directory at or above `start` holding cti.yaml.
std::optional<std::filesystem::path> find_repo_root(const std::filesystem::path& start);

// What reading a case file takes from cti.yaml: its cpr_tilladt and its checklist (the
// built-in items with tjeklister applied, for the hints on an item in the wrong place).
struct CaseReading {
  CprAllowlist allow;
  std::vector<std::string> item_ids;
};
CaseReading case_reading(const Project& p);

// A case file's bytes to its record, with the CPR scan: as load_repo reads every file,
// and as an edit is read again before it is written.
Forloeb read_case(const SourceFile& f, Diagnostics& out, const CaseReading& how);

enum class Snapshot { worktree, index };

struct LoadedRepo {
  std::filesystem::path root;
  Snapshot snapshot = Snapshot::worktree;
  Project project;
  std::vector<Forloeb> forloeb;            // sorted by file path
  Diagnostics diagnostics;                 // from reading and parsing, incl. [cpr-leak]
  std::optional<git::IndexListing> index;  // Snapshot::index: the git index the files came from
  std::vector<SourceFile> other_staged;    // Snapshot::index: every other regular file's staged content
  std::size_t from_cache = 0;              // case files whose verdict came from the cache
};

// Reads and parses cti.yaml and every forloeb/*.yaml, files in parallel, results in
// path order. Returns an error text for a setup problem (unreadable, not a git repo).
// `use_cache`: take the verdict of a file whose content was read before from the cache
// of checked files (load/case_cache) and keep the new ones there.
std::variant<LoadedRepo, std::string> load_repo(const std::filesystem::path& root, Snapshot snap,
                                                bool use_cache = false);

// The `sprog` of cti.yaml, read leniently before messages are produced.
std::optional<Lang> peek_repo_lang(const std::filesystem::path& root);

}  // namespace cti
