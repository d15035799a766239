#include "cli/team.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "base/unicode.hpp"
#include "cli/git_setup.hpp"

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

void add_worker_choice(CLI::App& app, WorkerChoice& c) {
  auto* w = add_worker_option(app, c.worker);
  app.add_flag("--all-workers,--alle", c.all_workers)->excludes(w);
}

bool settle_worker(const CheckedRepo& repo, WorkerChoice& c) {
  if (!c.worker.empty() || c.all_workers) return check_worker(repo, c.worker);
  std::string from;
  if (const char* env = std::getenv("CTI_WORKER"); env && *env) {
    c.worker = nfc(env);
    from = "CTI_WORKER";
  } else if (auto v = git_config(repo.root, "cti.worker"); v && !trim_end(*v).empty()) {
    c.worker = nfc(trim_end(*v));
    from = "git config cti.worker";
  }
  if (from.empty()) return true;
  if (!check_worker(repo, c.worker)) {
    print_note(fmt::format(fmt::runtime(tr("(the worker came from {}; --all-workers shows everyone)",
                                           "(medarbejderen kom fra {}; --all-workers viser alle)")),
                           from));
    return false;
  }
  print_note(fmt::format(fmt::runtime(tr("showing {}'s forløb ({}); --all-workers shows everyone",
                                         "viser {}s forløb ({}); --all-workers viser alle")),
                         c.worker, from));
  return true;
}

void note_uncounted(const CheckedRepo& repo, report::Uncounted u, report::Shown shown) {
  for (auto& file : u.unreadable) file = display_path(repo.root, file);
  for (auto& n : u.not_read) n.file = display_path(repo.root, n.file);
  for (auto& file : u.others) file = display_path(repo.root, file);
  for (const auto& line : report::uncounted_sentences(u, shown)) print_note(line);
}

std::string format_key_diagnostic(const Diagnostic& d) {
  return d.pos.line > 0 ? format_diagnostic(d)
                        : fmt::format("{}: {}: {} [{}]", d.file, d.severity == Severity::error ? "error" : "warning",
                                      d.message, d.rule);
}

std::optional<report::Quarter> quarter_option(const std::string& given, Date today) {
  if (given.empty()) return report::last_completed_quarter(today);
  auto parsed = report::parse_quarter(given);
  if (!parsed)
    setup_error(fmt::format(fmt::runtime(tr("--quarter must be YYYY-Qn (n 1-4), e.g. 2025-Q2, not '{}'",
                                            "--quarter skal være ÅÅÅÅ-Qn (n 1-4), f.eks. 2025-Q2, ikke '{}'")),
                            given));
  return parsed;
}

}  // namespace cti::cli
