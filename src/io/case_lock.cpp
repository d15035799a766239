// The repository lock and the checked replacement of a case file (see case_lock.hpp).
#include "io/case_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "base/lang.hpp"
#include "io/atomic_file.hpp"
#include "io/input_file.hpp"

namespace fs = std::filesystem;

namespace cti::io {

using i18n::tr;

RepoLock& RepoLock::operator=(RepoLock&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

RepoLock::~RepoLock() {
  if (fd_ >= 0) close(fd_);  // closing the descriptor releases the flock
}

std::variant<RepoLock, std::string> RepoLock::acquire(const fs::path& root, int wait_seconds) {
  RepoLock lock;
  lock.fd_ = open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock.fd_ < 0) return root.string() + ": " + std::strerror(errno);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    if (flock(lock.fd_, LOCK_EX | LOCK_NB) == 0) return lock;
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) {  // no locks here (some network file systems): unlocked
      close(lock.fd_);
      lock.fd_ = -1;
      return lock;
    }
    if (std::chrono::steady_clock::now() >= until)
      return std::string(tr("another cti is recording in this repository and has not finished; try again",
                            "en anden cti registrerer i dette repository og er ikke færdig; prøv igen"));
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

ReadResult read_case_file(const fs::path& path) {
  ReadResult r;
  InputFile in = read_input(path, false);
  if (in)
    r.bytes = std::move(in.bytes);
  else
    r.error = input_reason(in);
  return r;
}

ReplaceResult replace_if_unchanged(const fs::path& path, const std::string& expected, const std::string& bytes,
                                   unsigned mode) {
  auto same = [&] {
    ReadResult now = read_case_file(path);
    return now.bytes && *now.bytes == expected;
  };
  if (!same()) return {Replaced::changed, {}};
  PlaceResult r = place_file(path, bytes, static_cast<mode_t>(mode), true, same);
  if (r) return {};
  if (r.status == Placed::changed) return {Replaced::changed, {}};
  return {Replaced::failed, path.string() + ": " + std::strerror(r.error)};
}

}  // namespace cti::io
