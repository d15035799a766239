#include "cli/team.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "base/suggest.hpp"

namespace cti::cli {

using i18n::tr;

bool check_worker(const CheckedRepo& repo, const std::string& worker) {
  if (worker.empty()) return true;
  std::vector<std::string> ids;
  std::string list;
  for (const auto& w : repo.project.workers) {
    ids.push_back(w.id);
    list += (list.empty() ? "" : ", ") + w.id;
  }
  for (const auto& f : repo.forloeb)
    if (f.worker) ids.push_back(*f.worker);
  for (const auto& id : ids)
    if (id == worker) return true;
  std::string msg = fmt::format(fmt::runtime(tr("unknown worker '{}'", "ukendt medarbejder '{}'")), worker);
  if (auto hint = did_you_mean(worker, ids); !hint.empty())
    msg += hint;
  else if (!list.empty())
    msg +=
        fmt::format(fmt::runtime(tr("; the workers in cti.yaml are: {}", "; medarbejderne i cti.yaml er: {}")), list);
  setup_error(msg);
  return false;
}

void note_uncounted(const CheckedRepo& repo, report::Uncounted u, report::Shown shown) {
  for (auto& file : u.unreadable) file = display_path(repo.root, file);
  for (auto& n : u.not_read) n.file = display_path(repo.root, n.file);
  for (auto& file : u.others) file = display_path(repo.root, file);
  for (const auto& line : report::uncounted_sentences(u, shown)) print_note(line);
}

}  // namespace cti::cli
