// The team views' common first step: the forløb of each worker.
#pragma once

#include <string>
#include <vector>

#include "base/forloeb.hpp"
#include "base/project.hpp"

namespace cti::report {

struct WorkerGroup {
  std::string id;
  const Worker* worker = nullptr;       // nullptr: named in forløb files but not in cti.yaml
  std::vector<const Forloeb*> forloeb;  // in file order; may be empty for a cti.yaml worker
};

struct WorkerGroups {
  std::vector<WorkerGroup> groups;  // the workers of cti.yaml in their order, then any other by id
  int skipped_invalid = 0;          // forløb left out because their file has errors
};

// The valid forløb grouped by medarbejder; only `only_worker`'s when it is not empty.
WorkerGroups group_by_worker(const Project& project, const std::vector<Forloeb>& forloeb,
                             const std::string& only_worker);

}  // namespace cti::report
