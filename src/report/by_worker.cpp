#include "report/by_worker.hpp"

#include <map>
#include <set>

namespace cti::report {

WorkerGroups group_by_worker(const Project& project, const std::vector<Forloeb>& forloeb,
                             const std::string& only_worker) {
  WorkerGroups out;
  std::map<std::string, std::vector<const Forloeb*>> by_worker;
  for (const auto& f : forloeb) {
    std::string worker = f.worker ? *f.worker : "";
    if (!only_worker.empty() && worker != only_worker) continue;
    if (f.dates_readable()) by_worker[worker].push_back(&f);
  }
  std::set<std::string> known;
  for (const auto& w : project.workers) {
    known.insert(w.id);
    if (!only_worker.empty() && w.id != only_worker) continue;
    auto it = by_worker.find(w.id);
    out.groups.push_back({w.id, &w, it != by_worker.end() ? it->second : std::vector<const Forloeb*>{}});
  }
  for (const auto& [id, mine] : by_worker)
    if (!known.count(id)) out.groups.push_back({id, nullptr, mine});
  return out;
}

}  // namespace cti::report
