#include "io/dir_handle.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace cti::io {

DirHandle::DirHandle(const std::filesystem::path& dir) : fd_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

DirHandle::~DirHandle() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace cti::io
