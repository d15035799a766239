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

void note_invalid(int invalid, const std::vector<std::string>& unreadable) {
  if (invalid > 0)
    print_note(fmt::format(fmt::runtime(tr("{} forløb file(s) with errors; cti validate lists them",
                                           "{} forløbsfil(er) med fejl; cti validate viser dem")),
                           invalid));
  for (const auto& file : unreadable)
    print_note(fmt::format(fmt::runtime(tr("{}: the dates cannot be read, so it is not in the figures; run cti "
                                           "validate {}",
                                           "{}: datoerne kan ikke læses, så forløbet er ikke med i tallene; kør cti "
                                           "validate {}")),
                           file, file));
}

}  // namespace cti::cli
