// A folder held open so that files are looked up relative to it: a stat of ten thousand
// case files then walks only their own names, not the repository's whole path each time.
// Opened with O_PATH: nothing is read through it (files are read by io::read_input).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

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

// One entry of a folder as its listing gives it: the name, and whether the listing says
// it is a plain file (then no stat is needed); false for a link, a folder, anything else
// and a file system that does not say.
struct DirEntry {
  std::string name;
  bool plain_file = false;
};
// The entries of `dir` but "." and "..", in the folder's order, from one readdir pass:
// no path object and no stat per entry. When the folder cannot be read (whole), `error`
// is set to the errno and what was read so far is returned.
std::vector<DirEntry> list_dir(const std::filesystem::path& dir, int& error);

}  // namespace cti::io
