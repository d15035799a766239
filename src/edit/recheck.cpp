// Checking edited bytes with the loader and every rule, against the file's old verdict.
#include "edit/recheck.hpp"

#include <map>

#include "load/cpr_leak.hpp"
#include "load/forloeb_loader.hpp"
#include "rules/rules.hpp"

namespace cti::edit {

Diagnostics added_errors(const CheckedRepo& repo, const Forloeb& f, const std::string& bytes) {
  LoadedRepo loaded;
  loaded.root = repo.root;
  loaded.snapshot = Snapshot::worktree;
  loaded.project = repo.project;
  loaded.index = repo.index;
  loaded.forloeb.reserve(repo.forloeb.size());
  const SourceFile edited{f.file, bytes};
  // Read as load_repo reads every file: cti.yaml's cpr_tilladt and checklist apply.
  std::vector<std::string> item_ids;
  for (const auto& item : repo.project.checklist()) item_ids.push_back(item.id);
  for (const auto& other : repo.forloeb) {
    if (other.file != f.file) {
      loaded.forloeb.push_back(other);
      continue;
    }
    scan_for_cpr(edited, loaded.diagnostics, make_allowlist(repo.project));
    loaded.forloeb.push_back(load_forloeb(edited, loaded.diagnostics, item_ids));
  }
  for (auto& other : loaded.forloeb) other.diagnostics.clear();

  std::map<std::string, int> before;
  for (const auto& d : f.diagnostics)
    if (d.severity == Severity::error) ++before[d.rule];
  Diagnostics after = rules::validate(loaded, rules::Facts{repo.today, false, ""});
  std::map<std::string, int> seen;
  Diagnostics added;
  for (auto& d : after) {
    if (d.file != f.file || d.severity != Severity::error) continue;
    if (++seen[d.rule] > before[d.rule]) added.push_back(std::move(d));
  }
  return added;
}

}  // namespace cti::edit
