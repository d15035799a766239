// Rules across files: ids, the project settings, the CPR key file.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "rules/rules.hpp"

namespace cti::rules {

using i18n::tr;

void duplicate_id(const Input& in, Diagnostics& out) {
  // Every file of a shared id gets the error, naming the others: each is a row of its own.
  std::map<std::string, std::vector<const Forloeb*>> by_id;
  for (const auto& f : in.repo.forloeb)
    if (f.id) by_id[*f.id].push_back(&f);
  for (const auto& [id, files] : by_id) {
    if (files.size() < 2) continue;
    for (const Forloeb* f : files) {
      std::string others;
      for (const Forloeb* g : files)
        if (g != f) others += (others.empty() ? "" : ", ") + g->file;
      out.push_back(make_diag(
          f->file, f->id.pos, Severity::error, "duplicate-id",
          fmt::format(fmt::runtime(tr("id '{}' is also used by {}", "id '{}' bruges også af {}")), id, others)));
    }
  }
}

void project_consistency(const Input& in, Diagnostics& out) {
  const Project& p = in.repo.project;
  std::set<std::string> workers;
  for (const auto& w : p.workers)
    if (!workers.insert(w.id).second)
      out.push_back(make_diag(
          p.file, w.pos, Severity::error, "duplicate-worker",
          fmt::format(fmt::runtime(tr("medarbejder id '{}' is used twice", "medarbejder-id '{}' bruges to gange")),
                      w.id)));
  // Two workers with one kode would make the same ids in two clones.
  std::map<std::string, const Worker*> codes;
  for (const auto& w : p.workers) {
    const std::string code = w.id_code();
    if (code.empty()) continue;
    auto [it, fresh] = codes.emplace(code, &w);
    if (fresh || it->second->id == w.id) continue;
    out.push_back(make_diag(
        p.file, w.code.empty() ? w.pos : w.code_pos, Severity::error, "duplicate-code",
        fmt::format(fmt::runtime(tr("medarbejdere '{}' and '{}' would both make ids with the code {}; give one of "
                                    "them its own 'kode: ' (1-4 capital letters)",
                                    "medarbejderne '{}' og '{}' ville begge lave id'er med koden {}; giv en af dem "
                                    "sin egen 'kode: ' (1-4 store bogstaver)")),
                    it->second->id, w.id, code)));
  }
  std::vector<std::string> builtin;
  for (const auto& item : builtin_checklist()) builtin.push_back(item.id);
  for (const auto& r : p.checklist_remove)
    if (std::find(builtin.begin(), builtin.end(), r.value) == builtin.end()) {
      std::string msg = fmt::format(fmt::runtime(tr("tjeklister.fjern: '{}' is not a built-in checklist item",
                                                    "tjeklister.fjern: '{}' er ikke et indbygget tjeklistepunkt")),
                                    r.value);
      msg += did_you_mean(r.value, builtin);
      out.push_back(make_diag(p.file, r.pos, Severity::error, "unknown-item", msg));
    }
  std::set<std::string> ids(builtin.begin(), builtin.end());
  for (const auto& add : p.checklist_add)
    if (!ids.insert(add.item.id).second)
      out.push_back(make_diag(
          p.file, add.pos, Severity::error, "duplicate-item",
          fmt::format(fmt::runtime(tr("checklist item '{}' already exists", "tjeklistepunktet '{}' findes allerede")),
                      add.item.id)));
}

void cpr_file_untracked(const Input& in, Diagnostics& out) {
  if (!in.facts.cpr_file_tracked) return;
  out.push_back(make_diag(
      in.facts.cpr_file, {1, 1}, Severity::error, "cpr-file-tracked",
      fmt::format(fmt::runtime(tr(
                      "the CPR key file is tracked by git; run 'git rm --cached {0}' and add {0} to .gitignore",
                      "CPR-nøglefilen er versioneret i git; kør 'git rm --cached {0}' og tilføj {0} til .gitignore")),
                  in.facts.cpr_file)));
}

}  // namespace cti::rules
