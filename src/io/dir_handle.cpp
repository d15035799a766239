#include "io/dir_handle.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace cti::io {

DirHandle::DirHandle(const std::filesystem::path& dir) : fd_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

DirHandle::~DirHandle() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<DirEntry> list_dir(const std::filesystem::path& dir, int& error) {
  error = 0;
  std::vector<DirEntry> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    error = errno;
    return out;
  }
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(d);
    if (!e) {
      error = errno;
      break;
    }
    const std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    out.push_back({std::string(name), e->d_type == DT_REG});
  }
  ::closedir(d);
  return out;
}

}  // namespace cti::io
