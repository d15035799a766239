#include "check/check.hpp"

#include <algorithm>
#include <map>

#include "load/tracked_scan.hpp"
#include "rules/rules.hpp"

namespace fs = std::filesystem;

namespace cti {

Diagnostics CheckedRepo::all_diagnostics() const {
  Diagnostics out = repo_diagnostics;
  for (const auto& f : forloeb) out.insert(out.end(), f.diagnostics.begin(), f.diagnostics.end());
  sort_diagnostics(out);
  return out;
}

int CheckedRepo::invalid() const {
  return static_cast<int>(
      std::count_if(forloeb.begin(), forloeb.end(), [](const Forloeb& f) { return f.has_errors(); }));
}

std::variant<CheckedRepo, std::string> check_repo(const CheckOptions& o) {
  auto loaded = load_repo(o.root, o.snapshot);
  if (auto* err = std::get_if<std::string>(&loaded)) return *err;
  LoadedRepo& repo = std::get<LoadedRepo>(loaded);
  if (!repo.index) repo.index = git::list_index(repo.root);

  rules::Facts facts{o.today, false, ""};
  fs::path rel = o.key_file.lexically_relative(repo.root);
  if (repo.index && !rel.empty() && *rel.begin() != "..") {
    facts.cpr_file = rel.generic_string();
    facts.cpr_file_tracked = git::is_tracked(*repo.index, facts.cpr_file);
  }
  if (o.scan_tracked && repo.index) scan_tracked_files(repo, *repo.index, facts.cpr_file, repo.diagnostics);
  Diagnostics ds = rules::validate(repo, facts);

  CheckedRepo out;
  out.root = repo.root;
  out.snapshot = repo.snapshot;
  out.today = o.today;
  out.index = std::move(repo.index);
  out.other_staged = std::move(repo.other_staged);
  std::map<std::string, std::size_t> by_file;
  out.forloeb = std::move(repo.forloeb);
  for (std::size_t i = 0; i < out.forloeb.size(); ++i) by_file.emplace(out.forloeb[i].file, i);
  for (auto& d : ds) {
    auto it = by_file.find(d.file);
    if (it == by_file.end())
      out.repo_diagnostics.push_back(std::move(d));
    else
      out.forloeb[it->second].diagnostics.push_back(std::move(d));
  }
  out.project = std::move(repo.project);
  return out;
}

}  // namespace cti
