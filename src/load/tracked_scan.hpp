// Possible CPR numbers in the files git tracks besides cti.yaml and the forløb files.
#pragma once

#include <string>

#include "load/repo.hpp"

namespace cti {

// Scans every text file that git tracks (Snapshot::worktree: the working copy of each
// tracked file; Snapshot::index: the staged content) under the repository root, except
// cti.yaml, forloeb/*.yaml (scanned when loaded) and the CPR key file `cpr_file`
// (relative to the root; [cpr-file-tracked] covers it). Files with a NUL byte in their
// first 8000 bytes count as binary and are skipped, as git does. Reports [cpr-leak];
// does nothing outside a git work tree.
void scan_tracked_files(const LoadedRepo& repo, const std::string& cpr_file, Diagnostics& out);

}  // namespace cti
