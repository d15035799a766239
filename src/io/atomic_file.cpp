// Putting a file in place whole (see atomic_file.hpp): nameless content, a guarded
// temporary name only for the instant of a rename, kept out of the work tree.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <random>
#include <vector>

#include "io/input_file.hpp"

namespace fs = std::filesystem;

namespace cti::io {

namespace {

// The one temporary name that exists at a time, removed by the signal handler if cti is
// stopped while it exists.
char g_temp[4096];
volatile std::sig_atomic_t g_temp_set = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ};

extern "C" void remove_temp_and_die(int sig) {
  if (g_temp_set) unlink(g_temp);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      if (w == 0) errno = ENOSPC;
      return false;
    }
    done += static_cast<std::size_t>(w);
  }
  return true;
}

bool fill(int fd, const std::string& bytes, mode_t mode) {
  return fchmod(fd, mode) == 0 && write_all(fd, bytes) && fsync(fd) == 0;
}

void sync_dir(const fs::path& dir) {
  int d = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d >= 0) {
    fsync(d);
    close(d);
  }
}

std::string random_hex() {
  std::random_device rd;
  return fmt::format("{:08x}", rd());
}

// A temporary name holding the content: the nameless file `fd` linked to a name, or
// (fd < 0) a file made with mkstemp and filled. From the moment the name exists until
// it is renamed (release) or the guard ends, a signal removes it.
class TempName {
 public:
  TempName() = default;
  TempName(const TempName&) = delete;
  TempName& operator=(const TempName&) = delete;
  ~TempName() {
    if (!g_temp_set) return;
    unlink(g_temp);
    release();
  }
  const char* path() const { return g_temp; }
  void release() {
    g_temp_set = 0;
    for (int s : kSignals) std::signal(s, SIG_DFL);
  }

  bool make(int fd, const fs::path& tdir, bool in_git, const std::string& file, const std::string& bytes, mode_t mode) {
    const std::string stem = in_git ? "cti-tmp-" + file + "-" : "." + file + ".cti-tmp-";
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);  // no signal between making the name and guarding it
    bool ok = false;
    if (fd >= 0) {
      const std::string proc = "/proc/self/fd/" + std::to_string(fd);
      for (int attempt = 0; attempt < 8 && !ok; ++attempt) {
        const std::string name = (tdir / (stem + random_hex())).string();
        ok = name.size() < sizeof g_temp &&
             linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0;
        if (ok) guard(name);
        if (!ok && errno != EEXIST) break;
      }
    } else {
      std::string name = (tdir / (stem + "XXXXXX")).string();
      int tfd = name.size() < sizeof g_temp ? mkstemp(name.data()) : -1;
      if (tfd >= 0) {
        guard(name);
        ok = fill(tfd, bytes, mode);
        int saved = errno;
        close(tfd);
        errno = saved;
      }
    }
    sigprocmask(SIG_SETMASK, &old, nullptr);
    return ok;
  }

 private:
  static void guard(const std::string& name) {
    std::snprintf(g_temp, sizeof g_temp, "%s", name.c_str());
    g_temp_set = 1;
    for (int s : kSignals) std::signal(s, remove_temp_and_die);
  }
};

// The directory a ".git" file ("gitdir: PATH") in `dir` names, if it is one.
std::optional<fs::path> gitdir_file(const fs::path& dir) {
  auto text = read_input(dir / ".git").bytes;  // never blocks on a FIFO
  if (!text) return std::nullopt;
  std::string line = text->substr(0, text->find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.rfind("gitdir: ", 0) != 0) return std::nullopt;
  fs::path p = fs::path(line.substr(8));
  if (p.is_relative()) p = dir / p;
  std::error_code ec;
  if (!fs::is_directory(p, ec)) return std::nullopt;
  return p;
}

}  // namespace

fs::path temp_dir_for(const fs::path& dir) {
  std::error_code ec;
  fs::path d = fs::absolute(dir, ec);
  if (ec) return dir;
  for (;; d = d.parent_path()) {
    const auto st = fs::symlink_status(d / ".git", ec);
    if (fs::is_directory(st)) return d / ".git";
    if (fs::is_regular_file(st)) return gitdir_file(d).value_or(dir);
    if (fs::exists(st) || fs::is_symlink(st)) return fs::is_directory(d / ".git", ec) ? d / ".git" : dir;
    if (d == d.parent_path()) return dir;
  }
}

PlaceResult place_file(const fs::path& target, const std::string& bytes, mode_t mode, bool replace,
                       const std::function<bool()>& unchanged) {
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string file = target.filename().string();
  auto failed = [](int e) { return PlaceResult{Placed::failed, e}; };

  int fd = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd >= 0 && !fill(fd, bytes, mode)) {
    int e = errno;
    close(fd);
    return failed(e);
  }
  struct Closer {
    int& fd;
    ~Closer() {
      if (fd >= 0) close(fd);
    }
  } closer{fd};
  if (fd >= 0 && !replace) {
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    if (linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      sync_dir(dir);
      return {};
    }
    if (errno == EEXIST) return {Placed::exists, EEXIST};
    // /proc not mounted, or linkat refused: through a temporary name
  }

  std::vector<std::pair<fs::path, bool>> places;  // directory, inside .git
  const fs::path tdir = temp_dir_for(dir);
  if (tdir != dir) places.emplace_back(tdir, true);
  places.emplace_back(dir, false);
  int last = EIO;
  for (const auto& [where, in_git] : places) {
    TempName temp;
    if (!temp.make(fd, where, in_git, file, bytes, mode)) {
      last = errno;
      continue;
    }
    if (!replace) {
      if (link(temp.path(), target.c_str()) == 0) {
        sync_dir(dir);
        return {};
      }
      if (errno == EEXIST) return {Placed::exists, EEXIST};
    } else {
      if (unchanged && !unchanged()) return {Placed::changed, 0};
      if (rename(temp.path(), target.c_str()) == 0) {
        temp.release();
        sync_dir(dir);
        return {};
      }
    }
    last = errno;
    if (last != EXDEV) return failed(last);
  }
  return failed(last);
}

}  // namespace cti::io
