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
};

// Every forløb grouped by medarbejder (only `only_worker`'s when it is not empty), files
// with errors included: a medarbejder missing or not in cti.yaml gets a group of its own
// (id "" for a missing one). Only a file whose dates cannot be read is set apart (and
// named by report::uncounted).
WorkerGroups group_by_worker(const Project& project, const std::vector<Forloeb>& forloeb,
                             const std::string& only_worker);

}  // namespace cti::report
