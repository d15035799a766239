// Recording safely when several cti (or another program) write at once: a lock on the
// case repository held from reading a case file to replacing it, so two recordings never
// lose each other's lines and `new` never hands out one id twice; and a replacement that
// happens only when the file is still the one that was read (a change another program
// made meanwhile is never overwritten).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace cti::io {

// An exclusive flock(2) on the case repository's directory (no lock file to leave
// behind or to commit), released when the object goes. Other cti processes wait for it.
class RepoLock {
 public:
  RepoLock() = default;
  RepoLock(RepoLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  RepoLock& operator=(RepoLock&& o) noexcept;
  RepoLock(const RepoLock&) = delete;
  RepoLock& operator=(const RepoLock&) = delete;
  ~RepoLock();

  // Waits up to `wait_seconds` for the lock. An error message when another process
  // holds it all that time; a file system without locks gives an unlocked object
  // (the unchanged check still guards the replacement).
  static std::variant<RepoLock, std::string> acquire(const std::filesystem::path& root, int wait_seconds = 60);
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// A case file's bytes, read without following a link and without blocking on a FIFO or
// a device (those are refused): the content, or why not (errno text).
struct ReadResult {
  std::optional<std::string> bytes;
  std::string error;
};
ReadResult read_case_file(const std::filesystem::path& path);

enum class Replaced { ok, changed, failed };
struct ReplaceResult {
  Replaced status = Replaced::ok;
  std::string error;  // for failed
};

// Replaces `path` with `bytes` (mode `mode`) only if it still holds `expected`, checked
// again right before the rename.
ReplaceResult replace_if_unchanged(const std::filesystem::path& path, const std::string& expected,
                                   const std::string& bytes, unsigned mode);

}  // namespace cti::io
