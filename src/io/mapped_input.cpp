// Mapping a whole regular input file read-only (mapped_input.hpp).
#include "io/mapped_input.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <utility>

namespace cti::io {

MappedInput& MappedInput::operator=(MappedInput&& o) noexcept {
  if (this == &o) return *this;
  if (map_) ::munmap(map_, size_);
  data_ = std::exchange(o.data_, nullptr);
  size_ = std::exchange(o.size_, 0);
  map_ = std::exchange(o.map_, nullptr);
  ok_ = std::exchange(o.ok_, false);
  st_ = o.st_;
  return *this;
}

MappedInput::~MappedInput() {
  if (map_) ::munmap(map_, size_);
}

MappedInput map_input(const std::filesystem::path& path, bool follow_links) {
  MappedInput m;
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW));
  if (fd < 0) return m;
  if (::fstat(fd, &m.st_) != 0 || !S_ISREG(m.st_.st_mode) || m.st_.st_size < 0) {
    ::close(fd);
    return m;
  }
  const auto size = static_cast<std::size_t>(m.st_.st_size);
  if (size > 0) {
    // MAP_POPULATE: the pages are mapped in one call, not one fault at a time.
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      return m;
    }
    m.map_ = p;
    m.data_ = static_cast<const char*>(p);
    m.size_ = size;
  }
  ::close(fd);
  m.ok_ = true;
  return m;
}

}  // namespace cti::io
