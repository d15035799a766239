// The safe writer (see safe_writer.hpp): where a -o file may go, and writing it whole.
#include "io/safe_writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/lang.hpp"
#include "base/process.hpp"
#include "io/atomic_file.hpp"

namespace fs = std::filesystem;

namespace cti::io {

using i18n::tr;

namespace {

// git asked about a path as it is on disk: an exported GIT_DIR or GIT_WORK_TREE (set for
// another repository) must not change which work tree the path is in.
ProcessResult git_at(const fs::path& dir, std::vector<std::string> args) {
  std::vector<std::string> argv = {
      "env", "-u", "GIT_DIR", "-u", "GIT_WORK_TREE", "-u", "GIT_INDEX_FILE", "-u", "GIT_CEILING_DIRECTORIES", "git"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, dir);
}

// Whether `dir` or a folder above it holds a .git (a directory, a file of a worktree or
// a submodule, even a broken link): only then may git's answer be "in a work tree".
bool under_git(const fs::path& dir) {
  std::error_code ec;
  for (fs::path d = dir;; d = d.parent_path()) {
    const auto st = fs::symlink_status(d / ".git", ec);
    if (fs::exists(st) || fs::is_symlink(st)) return true;
    if (d == d.parent_path() || d.empty()) return false;
  }
}

// git's first line of complaint, for the message.
std::string first_line(const ProcessResult& r) {
  if (r.exit_code == -1) return "git could not be started";
  std::string line = r.err.substr(0, r.err.find('\n'));
  return line.empty() ? fmt::format("git exit {}", r.exit_code) : line;
}

struct GitView {
  bool in_work_tree = false, tracked = false, ignored = false;
  bool failed = false;  // git gave no answer: cannot tell
  std::string why;
};

// The three questions, each with the exit codes git documents for yes and no; anything
// else is a failure.
GitView ask_git(const fs::path& dir, const std::string& name, bool want_ignored) {
  GitView v;
  if (!under_git(dir)) return v;  // no .git anywhere above: git has nothing to say
  auto fail = [&](const ProcessResult& r) {
    v.failed = true;
    v.why = first_line(r);
    return v;
  };
  auto r = git_at(dir, {"rev-parse", "--is-inside-work-tree"});
  if (r.exit_code != 0) return fail(r);
  v.in_work_tree = r.out.rfind("true", 0) == 0;
  if (!v.in_work_tree) return v;
  r = git_at(dir, {"ls-files", "--error-unmatch", "--", name});
  if (r.exit_code != 0 && r.exit_code != 1) return fail(r);
  v.tracked = r.exit_code == 0;
  if (!want_ignored || v.tracked) return v;
  r = git_at(dir, {"check-ignore", "-q", "--", name});
  if (r.exit_code != 0 && r.exit_code != 1) return fail(r);
  v.ignored = r.exit_code == 0;
  return v;
}

bool inside(const fs::path& p, const fs::path& dir) {
  fs::path rel = p.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

fs::path canonical_or_self(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p : c;
}

std::string msg(std::string_view en, std::string_view da, const std::string& given) {
  return fmt::format(fmt::runtime(tr(en, da)), given);
}

}  // namespace

std::variant<fs::path, std::string> check_output(const OutputTarget& t) {
  if (t.given.empty()) return msg("-o needs a file name", "-o skal have et filnavn", t.given);
  fs::path p = fs::path(t.given);
  if (p.is_relative()) p = t.start / p;
  p = p.lexically_normal();
  if (p.filename().empty() || p.filename() == "." || p.filename() == "..")
    return msg("{} is a directory; -o needs a file name", "{} er en mappe; -o skal have et filnavn", t.given);
  // The directories on the way are resolved (a link to a folder is fine); the file
  // itself must not be a link.
  const fs::path dir = canonical_or_self(p.parent_path());
  const fs::path target = dir / p.filename();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return msg("{}: no such directory", "{}: mappen findes ikke", t.given);
  const auto st = fs::symlink_status(target, ec);
  if (fs::is_symlink(st))
    return msg("{} is a symbolic link; cti never writes through or replaces a link",
               "{} er et symbolsk link; cti skriver aldrig gennem eller erstatter et link", t.given);
  if (fs::is_directory(st))
    return msg("{} is a directory; -o needs a file name", "{} er en mappe; -o skal have et filnavn", t.given);
  const bool exists = fs::exists(st);
  if (exists && !fs::is_regular_file(st))
    return msg("{} is not a regular file", "{} er ikke en almindelig fil", t.given);

  const fs::path root = canonical_or_self(t.repo_root);
  if (!t.key_file.empty() && target == canonical_or_self(t.key_file))
    return msg("{} is the CPR key file; choose another file", "{} er CPR-nøglefilen; vælg en anden fil", t.given);
  if (target == root / "cti.yaml" || target == root / "forloeb" || inside(target, root / "forloeb"))
    return msg("{} is part of the case repository (cti.yaml or forloeb/); choose another file",
               "{} er en del af sagsrepositoriet (cti.yaml eller forloeb/); vælg en anden fil", t.given);
  for (const auto& part : target)
    if (part == ".git")
      return msg("{} is inside a .git directory; choose another file", "{} ligger i en .git-mappe; vælg en anden fil",
                 t.given);

  // What git knows about the place, asked where the file would be. Any answer git does
  // not give (it fails, refuses a repository of another owner, is missing) means "cannot
  // tell", and cti does not write there: never taken as "not in a work tree".
  const GitView view = ask_git(dir, target.filename().string(), t.sensitivity == Sensitivity::cpr);
  if (view.failed)
    return fmt::format(fmt::runtime(tr("{}: git cannot tell whether the path is tracked or ignored ({}); cti "
                                       "writes nothing there until git can answer",
                                       "{}: git kan ikke svare på, om stien følges eller ignoreres ({}); cti "
                                       "skriver intet der, før git kan svare")),
                       t.given, view.why);
  if (view.tracked)
    return msg("{} is tracked by git; cti does not write over a tracked file",
               "{} følges af git; cti skriver ikke over en fil, som git følger", t.given);
  if (t.sensitivity == Sensitivity::cpr && (view.in_work_tree || inside(target, root)) && !view.ignored)
    return msg(
        "{} is inside a git work tree (or the case repository) and git does not ignore it; write the "
        "report outside it (or add the path to .gitignore)",
        "{} ligger i et git-arbejdstræ (eller sagsrepositoriet) og ignoreres ikke af git; skriv "
        "indberetningen uden for det (eller tilføj stien til .gitignore)",
        t.given);
  if (exists && !t.replace)
    return msg("{} already exists; use --force to replace it", "{} findes allerede; brug --force for at erstatte den",
               t.given);
  return target;
}

std::optional<std::string> write_output(const OutputTarget& t, const std::string& bytes) {
  auto checked = check_output(t);
  if (auto* err = std::get_if<std::string>(&checked)) return *err;
  const fs::path target = std::get<fs::path>(checked);
  const mode_t mode = t.sensitivity == Sensitivity::cpr ? 0600 : 0644;
  // Nameless until complete; a replacement's temporary name lives inside .git when the
  // target is in a work tree, and is removed on every way out.
  const PlaceResult r = place_file(target, bytes, mode, t.replace);
  if (r.status == Placed::exists)
    return msg("{} already exists; use --force to replace it", "{} findes allerede; brug --force for at erstatte den",
               t.given);
  if (!r) return fmt::format("{}: {}", t.given, std::strerror(r.error));
  return std::nullopt;
}

}  // namespace cti::io
