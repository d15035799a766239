// Shared by status and the team views (caseload, calendar, fidelity): checking --worker.
#pragma once

#include <string>

#include "cli/common.hpp"

namespace cti::cli {

// True when `worker` is empty, a worker of cti.yaml or the medarbejder of some forløb;
// otherwise prints an error (a "did you mean", else the workers of cti.yaml) and returns false.
bool check_worker(const CheckedRepo& repo, const std::string& worker);

// A note on stderr when forløb were left out because their files have errors.
// The team views' note on files with errors: how many are counted (marked), and each
// file whose dates cannot be read, which no figure can include.
void note_invalid(int invalid, const std::vector<std::string>& unreadable);

}  // namespace cti::cli
