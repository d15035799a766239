// Checking edited bytes with the loader and every rule, against the file's old verdict.
#include "edit/recheck.hpp"

#include <map>

#include "load/repo.hpp"
#include "rules/rules.hpp"

namespace cti::edit {

Diagnostics errors_after(const CheckedRepo& repo, const Forloeb& f, const std::string& bytes) {
  LoadedRepo loaded;
  loaded.root = repo.root;
  loaded.snapshot = Snapshot::worktree;
  loaded.project = repo.project;
  loaded.index = repo.index;
  loaded.forloeb.reserve(repo.forloeb.size());
  const SourceFile edited{f.file, bytes};
  const CaseReading how = case_reading(repo.project);  // as load_repo reads every file
  for (const auto& other : repo.forloeb) {
    if (other.file != f.file) {
      loaded.forloeb.push_back(other);
      continue;
    }
    loaded.forloeb.push_back(read_case(edited, loaded.diagnostics, how));
  }
  for (auto& other : loaded.forloeb) other.diagnostics.clear();

  Diagnostics read = std::move(loaded.diagnostics);  // what reading the bytes found (YAML, CPR)
  loaded.diagnostics.clear();
  Diagnostics after = rules::validate(loaded, rules::Facts{repo.today, false, ""});
  Diagnostics out;
  for (auto* list : {&read, &after})
    for (auto& d : *list)
      if (d.file == f.file && d.severity == Severity::error) out.push_back(std::move(d));
  return out;
}

Diagnostics added_errors(const CheckedRepo& repo, const Forloeb& f, const std::string& bytes) {
  std::map<std::string, int> before;
  for (const auto& d : f.diagnostics)
    if (d.severity == Severity::error) ++before[d.rule];
  std::map<std::string, int> seen;
  Diagnostics added;
  for (auto& d : errors_after(repo, f, bytes))
    if (++seen[d.rule] > before[d.rule]) added.push_back(std::move(d));
  return added;
}

}  // namespace cti::edit
