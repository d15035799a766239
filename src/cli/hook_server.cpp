// The server's guard (SPEC 9): `cti hook install --server` writes a pre-receive hook into
// the bare repository; the hook runs `cti hook pre-receive`, which judges each pushed ref:
//   - every added line of every new commit (git log -p over the commits the server does
//     not have yet) is scanned for possible CPR numbers: history keeps what a later commit
//     removes, so each commit counts, not only the tip;
//   - the tip is checked as `cti validate --staged` checks a commit (its tree read into a
//     temporary index and work tree), and an error in a file the push changed refuses it.
// The work is linear in the pushed change plus one check of the tip, never the history.
#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/git_setup.hpp"
#include "cli/hook_install.hpp"
#include "load/cpr_leak.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

bool is_zero(const std::string& sha) {
  return sha.find_first_not_of('0') == std::string::npos;
}

// The added lines of each file in each new commit, in order.
struct Added {
  std::string commit;
  std::string path;
  std::string text;
};

std::vector<Added> added_lines(const std::string& log) {
  std::vector<Added> out;
  std::string commit;
  bool in_header = false;
  for (std::size_t p = 0; p < log.size();) {
    std::size_t e = log.find('\n', p);
    if (e == std::string::npos) e = log.size();
    std::string_view line(log.data() + p, e - p);
    p = e + 1;
    if (!line.empty() && line[0] == '\x01') {
      commit = std::string(line.substr(1));
      in_header = false;
    } else if (line.starts_with("diff --git ")) {
      in_header = true;
    } else if (in_header && line.starts_with("+++ ")) {
      std::string path(line.substr(4));
      if (path.starts_with("b/")) path = path.substr(2);
      out.push_back({commit, path == "/dev/null" ? "" : path, ""});
      in_header = false;
    } else if (in_header && line.starts_with("Binary files ")) {
      // A binary file's name still counts ([cpr-leak] reads file names).
      auto b = line.find(" b/");
      auto end = line.rfind(" differ");
      if (b != std::string_view::npos && end != std::string_view::npos && end > b)
        out.push_back({commit, std::string(line.substr(b + 3, end - b - 3)), ""});
    } else if (!in_header && !out.empty() && !line.empty() && line[0] == '+') {
      out.back().text.append(line.substr(1));
      out.back().text += '\n';
    }
  }
  return out;
}

// A temporary folder, removed when it goes out of scope, and the git variables it set.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string t = (fs::temp_directory_path() / "cti-receive-XXXXXX").string();
    if (mkdtemp(t.data())) dir = t;
  }
  ~Scratch() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
    unsetenv("GIT_INDEX_FILE");
    unsetenv("GIT_WORK_TREE");
  }
};

// The problems of one pushed ref, one line each; never a CPR number.
std::vector<std::string> judge(const fs::path& git_dir, const std::string& old_sha, const std::string& new_sha,
                               const std::string& ref, Date today) {
  std::vector<std::string> out;
  auto log = run_process(
      {"git", "log", "-p", "--no-renames", "--no-color", "--no-ext-diff", "--format=%x01%H", new_sha, "--not", "--all"},
      git_dir);
  if (log.exit_code != 0)
    return {fmt::format(
        fmt::runtime(tr("{}: git cannot list the pushed commits", "{}: git kan ikke liste de pushede commits")), ref)};
  std::vector<Added> added = added_lines(log.out);
  std::set<std::string> changed;
  for (const auto& a : added)
    if (!a.path.empty()) changed.insert(a.path);
  if (!is_zero(old_sha)) {
    auto diff = run_process({"git", "diff", "--name-only", "-z", "--no-renames", old_sha, new_sha}, git_dir);
    for (std::size_t p = 0; p < diff.out.size();) {
      std::size_t e = diff.out.find('\0', p);
      if (e == std::string::npos) e = diff.out.size();
      if (e > p) changed.insert(diff.out.substr(p, e - p));
      p = e + 1;
    }
  }

  // The tip, as a commit of it would be checked.
  Scratch s;
  if (s.dir.empty()) return {std::string(tr("cannot make a temporary folder", "kan ikke lave en midlertidig mappe"))};
  const fs::path wt = s.dir / "wt";
  fs::create_directories(wt);
  setenv("GIT_INDEX_FILE", (s.dir / "index").c_str(), 1);
  setenv("GIT_WORK_TREE", wt.c_str(), 1);
  if (run_process({"git", "read-tree", new_sha}, git_dir).exit_code != 0 ||
      run_process({"git", "checkout-index", "-a", "-f"}, wt).exit_code != 0)
    return {fmt::format(
        fmt::runtime(tr("{}: git cannot read the pushed tree", "{}: git kan ikke læse det pushede træ")), ref)};
  // The case repository: cti.yaml at the top, else the first folder that has one.
  std::string sub;
  if (!fs::exists(wt / "cti.yaml")) {
    auto files = run_process({"git", "ls-files", "-z"}, wt);
    for (std::size_t p = 0; p < files.out.size() && sub.empty();) {
      std::size_t e = files.out.find('\0', p);
      if (e == std::string::npos) e = files.out.size();
      std::string f = files.out.substr(p, e - p);
      if (f.ends_with("/cti.yaml")) sub = f.substr(0, f.size() - 8);
      p = e + 1;
    }
  }
  CprAllowlist allow;
  if (fs::exists(wt / sub / "cti.yaml")) {
    const fs::path root = wt / sub;
    auto checked = check_repo({root, Snapshot::index, today, root / "cpr.yaml", true, false});
    if (auto* err = std::get_if<std::string>(&checked)) return {ref + ": " + *err};
    const CheckedRepo& repo = std::get<CheckedRepo>(checked);
    allow = make_allowlist(repo.project);
    for (auto d : repo.all_diagnostics()) {
      if (d.severity != Severity::error || !changed.count(sub + d.file)) continue;
      d.file = privacy::redact(sub + d.file);
      out.push_back(fmt::format("{}: {}", ref, format_diagnostic(d)));
    }
  }
  // Every added line of every new commit: history keeps what the tip no longer shows.
  std::set<std::pair<std::string, std::string>> said;
  for (const auto& a : added) {
    if (a.path.empty()) continue;
    Diagnostics found;
    scan_for_cpr(SourceFile{a.path, a.text}, found, allow);
    if (found.empty() || !said.emplace(a.commit, a.path).second) continue;
    out.push_back(fmt::format(
        fmt::runtime(tr("{}: commit {}: {}: a possible CPR number in an added line or the file name (not shown) "
                        "[cpr-leak]; rewrite that commit so the history never holds it",
                        "{}: commit {}: {}: et muligt CPR-nummer i en tilføjet linje eller i filnavnet (vises ikke) "
                        "[cpr-leak]; omskriv det commit, så historikken aldrig indeholder det")),
        ref, a.commit.substr(0, 12), privacy::redact(a.path)));
  }
  return out;
}

}  // namespace

int install_server_hook(const fs::path& dir, const std::string& exe, bool force) {
  auto bare = run_process({"git", "rev-parse", "--is-bare-repository", "--absolute-git-dir"}, dir);
  if (bare.exit_code != 0 || bare.out.rfind("true\n", 0) != 0)
    return setup_error(
        std::string(tr("--server is for the bare repository on the git server (git init --bare); "
                       "in a clone, run 'cti hook install'",
                       "--server er til det bare repository på git-serveren (git init --bare); i en "
                       "klon: kør 'cti hook install'")));
  const fs::path git_dir = trim_end(bare.out.substr(5));
  const std::string script = fmt::format(R"(#!/bin/sh
{0}
# Refuses a push whose new commits add a validation error or a possible CPR number
# (the commit, file and rule are named, never the number).
cti_bin={1}
[ -x "$cti_bin" ] || cti_bin=cti
exec "$cti_bin" hook pre-receive
)",
                                         kHookMarker, shell_quote(exe));
  if (int rc = install_hook(git_dir / "hooks" / "pre-receive", script, force); rc != kOk) return rc;
  print_note(fmt::format(fmt::runtime(tr("installed {}: a push that adds an error or a possible CPR number is refused",
                                         "installerede {}: et push, der tilføjer en fejl eller et muligt CPR-nummer, "
                                         "afvises")),
                         (git_dir / "hooks" / "pre-receive").string()));
  return kOk;
}

CLI::App* add_pre_receive(CLI::App& hook, const GlobalOptions&) {
  CLI::App* receive = hook.add_subcommand("pre-receive");
  receive->group("");  // run by the server hook, not by people
  return receive;
}

int run_pre_receive(const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  std::error_code ec;
  const fs::path git_dir = fs::current_path(ec);
  setenv("GIT_DIR", git_dir.c_str(), 1);
  std::vector<std::string> problems;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string old_sha, new_sha, ref;
    if (!(in >> old_sha >> new_sha >> ref) || is_zero(new_sha)) continue;
    for (auto& p : judge(git_dir, old_sha, new_sha, ref, *today)) problems.push_back(std::move(p));
  }
  if (problems.empty()) return kOk;
  for (const auto& p : problems) print_note(p);
  print_note(
      std::string(tr("push refused: fix the commits above (cti validate, then git commit --amend or git rebase "
                     "-i) and push again",
                     "push afvist: ret de commits, der står ovenfor (cti validate, og så git commit --amend "
                     "eller git rebase -i), og push igen")));
  return kFindings;
}

}  // namespace cti::cli
