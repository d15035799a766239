// Shared by status and the team views (caseload, calendar, fidelity): checking --worker.
#pragma once

#include <string>

#include "cli/common.hpp"

namespace cti::cli {

// True when `worker` is empty, a worker of cti.yaml or the medarbejder of some forløb;
// otherwise prints an error (a "did you mean", else the workers of cti.yaml) and returns false.
bool check_worker(const CheckedRepo& repo, const std::string& worker);

// A note on stderr when forløb were left out because their files have errors.
void note_skipped(int skipped);

}  // namespace cti::cli
