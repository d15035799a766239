// --commit for the recording commands: stage and commit the one file that was changed,
// refusing beforehand when git could not make that commit cleanly.
#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/record.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;
using i18n::tr_n;

namespace {

ProcessResult git(const CheckedRepo& repo, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, repo.root);
}

// git's own complaint, first line, without any CPR-like number.
std::string first_line(const ProcessResult& r) {
  std::string text = r.err.empty() ? r.out : r.err;
  if (auto n = text.find('\n'); n != std::string::npos) text.resize(n);
  return privacy::redact(text.empty() ? "git " + std::to_string(r.exit_code) : text);
}

}  // namespace

std::optional<std::string> commit_precheck(const CheckedRepo& repo, const std::string& file) {
  ProcessResult top = git(repo, {"rev-parse", "--show-toplevel"});
  if (top.exit_code != 0)
    return std::string(
        tr("--commit needs a git repository (git init)", "--commit kræver et git-repository (git init)"));
  if (git(repo, {"var", "GIT_COMMITTER_IDENT"}).exit_code != 0 || git(repo, {"var", "GIT_AUTHOR_IDENT"}).exit_code != 0)
    return std::string(tr("git does not know who is committing; set git config user.name and user.email",
                          "git ved ikke hvem der committer; sæt git config user.name og user.email"));
  while (!top.out.empty() && (top.out.back() == '\n' || top.out.back() == '\r')) top.out.pop_back();
  std::error_code ec;
  const fs::path toplevel = fs::weakly_canonical(fs::path(top.out), ec);
  const std::string mine = fs::weakly_canonical(repo.root / file, ec).lexically_relative(toplevel).generic_string();
  ProcessResult staged = git(repo, {"diff", "--cached", "--name-only", "-z"});
  if (staged.exit_code != 0) return first_line(staged);
  int others = 0;
  for (std::size_t p = 0; p < staged.out.size();) {
    std::size_t e = staged.out.find('\0', p);
    if (e == std::string::npos) e = staged.out.size();
    if (staged.out.substr(p, e - p) != mine) ++others;
    p = e + 1;
  }
  if (others > 0)
    return fmt::format(fmt::runtime(tr_n(others,
                                         "{} other staged change would go into the same commit; commit or unstage "
                                         "it first (git restore --staged), or record without --commit",
                                         "{} other staged changes would go into the same commit; commit or unstage "
                                         "them first (git restore --staged), or record without --commit",
                                         "{} anden ændring ligger klar i indekset og ville komme med i samme commit; "
                                         "commit den eller tag den ud først (git restore --staged), eller registrér "
                                         "uden --commit",
                                         "{} andre ændringer ligger klar i indekset og ville komme med i samme commit; "
                                         "commit dem eller tag dem ud først (git restore --staged), eller registrér "
                                         "uden --commit")),
                       others);
  return std::nullopt;
}

std::string head_commit(const CheckedRepo& repo) {
  ProcessResult r = git(repo, {"rev-parse", "--verify", "-q", "HEAD"});
  if (r.exit_code != 0) return {};
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
  return r.out;
}

std::optional<std::string> commit_file(const CheckedRepo& repo, const std::string& file, const std::string& message) {
  // The file's index entry as it was, put back when the commit is refused (a hook).
  ProcessResult was = git(repo, {"ls-files", "-s", "--", file});
  if (was.exit_code != 0) return first_line(was);
  auto restore = [&] {
    if (was.out.empty())
      git(repo, {"rm", "-q", "--cached", "--", file});
    else
      run_process({"git", "update-index", "--index-info"}, repo.root, was.out);
  };
  ProcessResult add = git(repo, {"add", "--", file});
  if (add.exit_code != 0) {
    restore();
    return first_line(add);
  }
  ProcessResult commit = git(repo, {"commit", "-q", "-m", message});
  if (commit.exit_code != 0) {
    restore();
    return first_line(commit);
  }
  return std::nullopt;
}

}  // namespace cti::cli
