// The safe writer (see safe_writer.hpp): where a -o file may go, and writing it whole.
#include "io/safe_writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <random>

#include "base/lang.hpp"
#include "base/process.hpp"

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

// The temporary file of the fallback path, removed by the signal handler if cti is
// stopped while it exists.
char g_temp[4096];
volatile std::sig_atomic_t g_temp_set = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_temp_set) unlink(g_temp);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

struct TempGuard {
  explicit TempGuard(const std::string& path) {
    std::snprintf(g_temp, sizeof g_temp, "%s", path.c_str());
    g_temp_set = 1;
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) std::signal(s, remove_temp_and_die);
  }
  ~TempGuard() {
    unlink(g_temp);
    g_temp_set = 0;
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) std::signal(s, SIG_DFL);
  }
};

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<std::size_t>(w);
  }
  return true;
}

std::string temp_name(const fs::path& target) {
  std::random_device rd;
  return (target.parent_path() / fmt::format(".{}.cti-{:08x}", target.filename().string(), rd())).string();
}

void sync_dir(const fs::path& dir) {
  int d = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d >= 0) {
    fsync(d);
    close(d);
  }
}

std::string failed(const std::string& given) {
  return fmt::format("{}: {}", given, std::strerror(errno));
}

// Puts the complete file at `target`: link() refuses an existing name (no overwrite),
// rename() replaces atomically.
std::optional<std::string> place(const std::string& from, const fs::path& target, bool replace,
                                 const std::string& given) {
  if (!replace) {
    if (link(from.c_str(), target.c_str()) == 0) return std::nullopt;
    if (errno == EEXIST)
      return msg("{} already exists; use --force to replace it", "{} findes allerede; brug --force for at erstatte den",
                 given);
    return failed(given);
  }
  if (rename(from.c_str(), target.c_str()) != 0) return failed(given);
  return std::nullopt;
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
  const fs::path dir = target.parent_path();
  const mode_t mode = t.sensitivity == Sensitivity::cpr ? 0600 : 0644;

  // The file has no name until it is complete: killed before linkat, nothing is left.
  int fd = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd >= 0) {
    bool ok = fchmod(fd, mode) == 0 && write_all(fd, bytes) && fsync(fd) == 0;
    if (!ok) {
      std::string e = failed(t.given);
      close(fd);
      return e;
    }
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    if (!t.replace) {
      if (linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        close(fd);
        sync_dir(dir);
        return std::nullopt;
      }
      if (errno == EEXIST) {
        close(fd);
        return msg("{} already exists; use --force to replace it",
                   "{} findes allerede; brug --force for at erstatte den", t.given);
      }
    } else {
      const std::string tmp = temp_name(target);
      if (linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        close(fd);
        TempGuard guard(tmp);  // from here to the rename, a signal removes the name
        auto err = place(tmp, target, true, t.given);
        if (!err) sync_dir(dir);
        return err;
      }
    }
    close(fd);  // /proc not mounted, or linkat refused: fall back to a named temporary file
  }

  std::string tmp = (dir / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  sigset_t all, old;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &old);  // no signal between creating the name and guarding it
  fd = mkstemp(tmp.data());
  std::optional<TempGuard> guard;
  if (fd >= 0) guard.emplace(tmp);
  sigprocmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0) return failed(t.given);
  bool ok = fchmod(fd, mode) == 0 && write_all(fd, bytes) && fsync(fd) == 0;
  std::string e = ok ? std::string() : failed(t.given);
  close(fd);
  if (!ok) return e;
  auto err = place(tmp, target, t.replace, t.given);
  if (!err) sync_dir(dir);
  return err;
}

}  // namespace cti::io
