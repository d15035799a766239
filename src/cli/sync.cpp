// cti sync [--rebase|--merge] [--no-push]: a worker's daily round trip with the team's
// server (SPEC 9): fetch, integrate upstream (merge by default, rebase with --rebase or
// pull.rebase=true; cti's merge driver does the forløb files), validate the result, push.
// Whatever stops it, it says in the repository's language what happened and the exact
// commands to go on or go back (cli/sync_explain.cpp); it never leaves a clone mid-merge
// or mid-rebase without saying so, and never pushes a repository with errors.
#include "cli/sync.hpp"

#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/git_history.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/commands.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::count_text;
using i18n::tr;
using i18n::tr_n;

namespace {

struct SyncOptions {
  bool rebase = false;
  bool merge = false;
  bool no_push = false;
};

ProcessResult git_in(const fs::path& root, std::vector<std::string> args) {
  std::vector<std::string> argv = {"git", "-c", "core.editor=true", "-c", "core.quotePath=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, root);
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::optional<int> count(const fs::path& root, const std::string& range) {
  auto r = git_in(root, {"rev-list", "--count", range});
  if (r.exit_code != 0) return std::nullopt;
  try {
    return std::stoi(r.out);
  } catch (...) {
    return std::nullopt;
  }
}

// Changes the integration would trip over or leave behind: modified tracked files and
// forløb files that were never added.
std::vector<std::string> uncommitted(const fs::path& root) {
  std::vector<std::string> out;
  auto r = git_in(root, {"status", "--porcelain", "--untracked-files=all", "--", "."});
  for (std::size_t p = 0; p < r.out.size();) {
    std::size_t e = r.out.find('\n', p);
    if (e == std::string::npos) e = r.out.size();
    std::string line = r.out.substr(p, e - p);
    p = e + 1;
    if (line.size() < 4) continue;
    const std::string path = line.substr(3);
    if (line.rfind("??", 0) == 0 && path.rfind("forloeb/", 0) != 0 && path != "cti.yaml") continue;
    out.push_back(path);
  }
  return out;
}

int run_sync(const SyncOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto root = find_root(g);
  if (!root) return kUsage;
  if (git_in(*root, {"rev-parse", "--is-inside-work-tree"}).out.rfind("true", 0) != 0)
    return setup_error(std::string(tr("the case repository is not a git clone; cti sync needs one (git clone URL)",
                                      "sagsrepositoriet er ikke en git-klon; cti sync kræver en (git clone URL)")));
  if (auto stuck = unfinished_integration(*root)) return setup_error(*stuck);
  auto upstream = git_in(*root, {"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"});
  if (upstream.exit_code != 0)
    return setup_error(
        std::string(tr("this branch follows no branch on the server; push it once with: git push -u origin HEAD",
                       "denne gren følger ingen gren på serveren; send den første gang med: git push -u origin HEAD")));
  const std::string up = trimmed(upstream.out);
  const std::string remote = up.substr(0, up.find('/'));
  if (auto dirty = uncommitted(*root); !dirty.empty()) {
    std::string list;
    for (const auto& p : dirty) list += "\n  " + p;
    return setup_error(fmt::format(
        fmt::runtime(tr("commit your own work first (cti ... --commit, or git add and git commit); not committed:{}",
                        "commit dit eget arbejde først (cti ... --commit, eller git add og git commit); ikke "
                        "committet:{}")),
        privacy::redact(list)));
  }

  auto fetched = git_in(*root, {"fetch", "--quiet", remote});
  if (fetched.exit_code != 0)
    return setup_error(fmt::format(
        fmt::runtime(tr("git fetch could not reach '{}' ({}); nothing was changed, your work is safe here; try "
                        "again later",
                        "git fetch kunne ikke nå '{}' ({}); intet er ændret, dit arbejde er i behold her; prøv igen "
                        "senere")),
        remote, privacy::redact(first_line(fetched.err))));
  const int behind = count(*root, "HEAD..@{u}").value_or(0);
  std::string pulled_note;
  if (behind > 0) {
    bool rebase = o.rebase;
    if (!o.rebase && !o.merge) rebase = trimmed(git_in(*root, {"config", "--bool", "pull.rebase"}).out) == "true";
    auto r = rebase ? git_in(*root, {"rebase", "--quiet", "@{u}"})
                    : git_in(*root, {"merge", "--quiet", "--no-edit", "@{u}"});
    if (r.exit_code != 0) {
      explain_stop(g, *root, *today, rebase, r);
      return kFindings;
    }
    pulled_note = fmt::format(fmt::runtime(tr("{} from the server {}", "{} fra serveren {}")),
                              count_text(behind, "{} commit", "{} commits", "{} commit", "{} commits"),
                              rebase ? tr("rebased onto", "lagt under") : tr("merged", "flettet ind"));
  }

  // The result must validate before anything leaves this clone.
  OpenOptions checks;
  checks.scan_tracked = true;
  auto repo = open_checked(g, *today, checks);
  if (!repo) return kUsage;
  int errors = 0;
  for (const auto& d : repo->all_diagnostics()) errors += d.severity == Severity::error;
  if (errors > 0) {
    print_note(fmt::format(
        fmt::runtime(tr_n(errors,
                          "{} error after the sync; nothing was pushed. See it with: cti validate; fix, commit, "
                          "and run cti sync again",
                          "{} errors after the sync; nothing was pushed. See them with: cti validate; fix, commit, "
                          "and run cti sync again",
                          "{} fejl efter synkroniseringen; intet er sendt. Se den med: cti validate; ret, commit og "
                          "kør cti sync igen",
                          "{} fejl efter synkroniseringen; intet er sendt. Se dem med: cti validate; ret, commit og "
                          "kør cti sync igen")),
        errors));
    return kFindings;
  }
  const int ahead = count(*root, "@{u}..HEAD").value_or(0);
  std::string pushed_note;
  if (ahead > 0 && !o.no_push) {
    auto r = git_in(*root, {"push", "--quiet", remote, "HEAD:" + up.substr(up.find('/') + 1)});
    if (r.exit_code != 0) {
      explain_push_refused(r);
      return kFindings;
    }
    pushed_note = count_text(ahead, "{} commit sent", "{} commits sent", "{} commit sendt", "{} commits sendt");
  }
  std::string summary = pulled_note;
  if (!pushed_note.empty()) summary += (summary.empty() ? "" : "; ") + pushed_note;
  if (ahead > 0 && o.no_push)
    summary += (summary.empty() ? "" : "; ") +
               count_text(ahead, "{} commit not sent (--no-push)", "{} commits not sent (--no-push)",
                          "{} commit ikke sendt (--no-push)", "{} commits ikke sendt (--no-push)");
  if (summary.empty()) summary = tr("already in step with the server", "allerede i takt med serveren");
  print_note(
      fmt::format(fmt::runtime(tr("sync with {}: {}; 0 errors", "synkronisering med {}: {}; 0 fejl")), up, summary));
  return kOk;
}

}  // namespace

Runner setup_sync(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<SyncOptions>();
  auto* rebase = app.add_flag("--rebase", o->rebase);
  app.add_flag("--merge", o->merge)->excludes(rebase);
  app.add_flag("--no-push", o->no_push);
  return [o, &g] { return run_sync(*o, g); };
}

}  // namespace cti::cli
