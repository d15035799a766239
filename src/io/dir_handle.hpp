// A folder held open so that files are looked up relative to it: a stat of ten thousand
// case files then walks only their own names, not the repository's whole path each time.
// Opened with O_PATH: nothing is read through it (files are read by io::read_input).
#pragma once

#include <filesystem>

namespace cti::io {

class DirHandle {
 public:
  explicit DirHandle(const std::filesystem::path& dir);
  ~DirHandle();
  DirHandle(const DirHandle&) = delete;
  DirHandle& operator=(const DirHandle&) = delete;

  // The descriptor for *at() calls; -1 when the folder could not be opened.
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

}  // namespace cti::io
