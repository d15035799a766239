// What git knows about the repository: the index and what it ignores. Each function
// runs one git process; a command asks for the index listing once and passes it on.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cti::git {

// Once per process, before the first git command: GIT_DIR, GIT_WORK_TREE and
// GIT_INDEX_FILE made absolute, and GIT_WORK_TREE set beside an exported ".../.git"
// GIT_DIR, so git sees the same repository from a subfolder (the case repository)
// as from where cti was started (a pre-commit hook, a script).
void settle_environment();

struct IndexEntry {
  std::string path;  // relative to the directory asked about
  std::string mode;  // 100644, 100755, 120000 (link), 160000 (submodule)
  std::string sha;
  int stage = 0;               // 0, or 1-3 for an unresolved merge conflict
  bool intent_to_add = false;  // `git add -N`: in the index, but not committed
  bool regular_file() const { return mode == "100644" || mode == "100755"; }
};
using IndexListing = std::vector<IndexEntry>;

// Every index entry at or below `dir` (one `git ls-files -s`), in git's path order;
// nothing when `dir` is not inside a git work tree. Entries added with `git add -N`
// (intent to add: the empty blob until really added) are marked, from a second
// `git ls-files --debug` run only when an entry holds the empty blob.
std::optional<IndexListing> list_index(const std::filesystem::path& dir);

// Whether the listing holds `path` (relative to the listed directory) at stage 0.
bool is_tracked(const IndexListing& listing, std::string_view path);

// Paths at or below `dir` whose work-tree copy differs from the index, or is missing
// (one `git diff-files`); nothing when git fails. Only a hint: assume-unchanged,
// skip-worktree and core.ignoreStat make git say "unchanged" for a changed file.
std::optional<std::set<std::string>> changed_in_worktree(const std::filesystem::path& dir);

// The content of each blob, in order (one `git cat-file --batch`); nothing when git fails.
std::optional<std::vector<std::string>> read_blobs(const std::filesystem::path& dir,
                                                   const std::vector<std::string>& shas);

// True when git would ignore `path` (absolute or relative to dir).
bool ignores(const std::filesystem::path& dir, const std::filesystem::path& path);

// How many commits the upstream of the current branch has that HEAD lacks, as of the last
// fetch (`git rev-list --count HEAD..@{u}`; no network). Nothing without an upstream.
std::optional<int> commits_behind_upstream(const std::filesystem::path& dir);

}  // namespace cti::git
