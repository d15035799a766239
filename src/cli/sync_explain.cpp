// What stopped a cti sync, and the commands to go on or go back (see cli/sync.hpp).
#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/git_history.hpp"
#include "base/lang.hpp"
#include "cli/sync.hpp"
#include "io/out.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < text.size();) {
    std::size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    if (e > p) out.push_back(text.substr(p, e - p));
    p = e + 1;
  }
  return out;
}

// The paths git holds unmerged, in its order.
std::vector<std::string> unmerged_paths(const fs::path& root) {
  return lines_of(run_process({"git", "diff", "--name-only", "--diff-filter=U"}, root).out);
}

std::string joined(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : " ") + p;
  return out;
}

bool merging(const fs::path& root) {
  return run_process({"git", "rev-parse", "-q", "--verify", "MERGE_HEAD"}, root).exit_code == 0;
}

std::string go_on(bool rebase, const std::string& files) {
  return rebase ? fmt::format(fmt::runtime(tr("to go on: settle {} (the '# cti:' comment at each conflict says "
                                              "how), git add {}, git rebase --continue, then cti sync; to go back "
                                              "to before the sync: git rebase --abort",
                                              "for at fortsætte: løs {} (kommentaren '# cti:' ved hver konflikt "
                                              "siger hvordan), git add {}, git rebase --continue og så cti sync; "
                                              "for at gå tilbage til før synkroniseringen: git rebase --abort")),
                              files, files)
                : fmt::format(fmt::runtime(tr("to go on: settle {} (the '# cti:' comment at each conflict says "
                                              "how), git add {}, git commit --no-edit, then cti sync; to go back "
                                              "to before the sync: git merge --abort",
                                              "for at fortsætte: løs {} (kommentaren '# cti:' ved hver konflikt "
                                              "siger hvordan), git add {}, git commit --no-edit og så cti sync; "
                                              "for at gå tilbage til før synkroniseringen: git merge --abort")),
                              files, files);
}

}  // namespace

std::string first_line(const std::string& text) {
  auto ls = lines_of(text);
  return ls.empty() ? std::string() : ls.front();
}

std::optional<std::string> unfinished_integration(const fs::path& root) {
  std::string files = joined(unmerged_paths(root));
  if (files.empty()) files = std::string(tr("the files", "filerne"));
  if (git::rebase_in_progress(root))
    return std::string(tr("a rebase has stopped in this clone; ", "en rebase er standset i denne klon; ")) +
           go_on(true, files);
  if (merging(root))
    return std::string(tr("a merge is not finished in this clone; ", "en fletning er ikke færdig i denne klon; ")) +
           go_on(false, files);
  return std::nullopt;
}

void explain_stop(const GlobalOptions& g, const fs::path& root, Date today, bool rebase, const ProcessResult& r) {
  const auto unmerged = unmerged_paths(root);
  const bool stopped = git::rebase_in_progress(root).has_value() || merging(root);
  if (!stopped) {
    // git refused to start (a file in the way, say): nothing changed.
    setup_error(fmt::format(fmt::runtime(tr("git could not {} the server's commits ({}); nothing was changed",
                                            "git kunne ikke {} serverens commits ({}); intet er ændret")),
                            rebase ? tr("rebase onto", "lægge sig oven på") : tr("merge", "flette"),
                            privacy::redact(first_line(r.err + r.out))));
    return;
  }
  if (unmerged.empty()) {
    // Merged cleanly, but the pre-merge-commit hook refused the result: its findings.
    io::err().print(privacy::redact(r.out + r.err));
    print_note(std::string(
        rebase ? tr("the rebase stopped; see above; fix, git add, git rebase --continue, then cti sync; or go back: "
                    "git rebase --abort",
                    "rebasen standsede; se ovenfor; ret, git add, git rebase --continue og så cti sync; eller gå "
                    "tilbage: git rebase --abort")
               : tr("the merge is ready but does not validate (see above); fix the files, git add them, git commit "
                    "--no-edit, then cti sync; or go back: git merge --abort",
                    "fletningen er klar, men validerer ikke (se ovenfor); ret filerne, git add dem, git commit "
                    "--no-edit og så cti sync; eller gå tilbage: git merge --abort")));
    return;
  }
  // What cti validate says about the files in conflict (a same-id clash names the renumber).
  const std::string files = joined(unmerged);
  print_note(fmt::format(fmt::runtime(tr("the {} stopped at a conflict in {}", "{} standsede ved en konflikt i {}")),
                         rebase ? "rebase" : tr("merge", "fletningen"), files));
  auto repo = check_repo({root, Snapshot::worktree, today, cpr_file_path(g, root), false, false});
  bool renumber = false;
  if (auto* checked = std::get_if<CheckedRepo>(&repo)) {
    std::string out;
    for (const auto& d : checked->all_diagnostics()) {
      if (d.severity != Severity::error) continue;
      for (const auto& f : unmerged)
        if (d.file == f) {
          out += format_diagnostic(d) + "\n";
          if (d.message.find("cti renumber") != std::string::npos) renumber = true;
        }
    }
    io::err().print(privacy::redact(out));
  }
  if (!renumber) print_note(go_on(rebase, files));
}

void explain_push_refused(const ProcessResult& r) {
  std::string lines;
  for (const auto& l : lines_of(r.err))
    if (l.rfind("remote:", 0) == 0) lines += l + "\n";
  io::err().print(privacy::redact(lines));
  const bool behind =
      r.err.find("fetch first") != std::string::npos || r.err.find("non-fast-forward") != std::string::npos;
  print_note(std::string(
      behind ? tr("the server has new commits since the fetch (someone pushed meanwhile); nothing was sent: run cti "
                  "sync again",
                  "serveren har fået nye commits siden hentningen (nogen sendte imens); intet er sendt: kør cti sync "
                  "igen")
             : tr("the server refused the push (its lines above name each commit and rule); nothing was sent: "
                  "rewrite those commits so the history never holds them (git rebase -i @{u}, or squash your "
                  "work: git reset --soft @{u} and git commit), then cti sync again",
                  "serveren afviste at modtage (dens linjer ovenfor nævner hver commit og regel); intet er sendt: "
                  "omskriv de commits, så historikken aldrig indeholder dem (git rebase -i @{u}, eller saml dit "
                  "arbejde: git reset --soft @{u} og git commit), og kør så cti sync igen")));
}

}  // namespace cti::cli
