// Possible CPR numbers in the files git tracks besides cti.yaml and the forløb files.
#pragma once

#include <optional>
#include <string>

#include "base/git.hpp"
#include "load/repo.hpp"

namespace cti {

// Scans every entry of `listing` (the git index under the repository root) except
// cti.yaml, forloeb/*.yaml (scanned when loaded) and the CPR key file `cpr_file`
// (relative to the root; [cpr-file-tracked] covers it): the name of every entry (a
// binary file, a link, a submodule too), the target of every symbolic link, and the
// content of every regular file: text, UTF-16 text (decoded) and the text of a binary
// file (as `strings` reads it). Snapshot::worktree reads the working copy of each file,
// Snapshot::index the staged content, and then also every staged entry of the whole
// work tree when the repository is a subfolder of it (shown as ../path), skipping
// entries added with `git add -N` as git does. Reports [cpr-leak], cleared by cti.yaml
// cpr_tilladt or "# cti: ikke-cpr". No listing while git should have given one (a .git
// above the root, or GIT_DIR set, but git failing) is an [unreadable] error: what cannot
// be listed cannot be ruled out.
void scan_tracked_files(const LoadedRepo& repo, const std::optional<git::IndexListing>& listing,
                        const std::string& cpr_file, Diagnostics& out);

}  // namespace cti
