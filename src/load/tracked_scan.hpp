// Possible CPR numbers in the files git tracks besides cti.yaml and the forløb files.
#pragma once

#include <string>

#include "base/git.hpp"
#include "load/repo.hpp"

namespace cti {

// Scans every regular text file in `listing` (the git index under the repository root)
// except cti.yaml, forloeb/*.yaml (scanned when loaded) and the CPR key file `cpr_file`
// (relative to the root; [cpr-file-tracked] covers it). Snapshot::worktree reads the
// working copy of each file, Snapshot::index the staged content read by load_repo.
// Files with a NUL byte in their first 8000 bytes count as binary and are skipped, as
// git does, unless they are UTF-16 text, which is decoded and scanned. Reports [cpr-leak],
// cleared by cti.yaml cpr_tilladt or "# cti: ikke-cpr".
void scan_tracked_files(const LoadedRepo& repo, const git::IndexListing& listing, const std::string& cpr_file,
                        Diagnostics& out);

}  // namespace cti
