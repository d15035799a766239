// A whole input file mapped read-only into memory instead of copied into a buffer: for
// the one large file cti reads on every run (the cache of checked files, load/case_cache).
// The same checks as io::read_input: a regular file only, opened without blocking.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace cti::io {

class MappedInput {
 public:
  MappedInput() = default;
  MappedInput(MappedInput&& o) noexcept { *this = std::move(o); }
  MappedInput& operator=(MappedInput&& o) noexcept;
  MappedInput(const MappedInput&) = delete;
  MappedInput& operator=(const MappedInput&) = delete;
  ~MappedInput();

  // The bytes; they stay where they are when the MappedInput is moved.
  std::string_view bytes() const { return {data_, size_}; }
  explicit operator bool() const { return ok_; }
  const struct stat& st() const { return st_; }

 private:
  friend MappedInput map_input(const std::filesystem::path& path, bool follow_links);
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  void* map_ = nullptr;  // nullptr for an empty file
  bool ok_ = false;
  struct stat st_ {};
};

// Maps a regular file (O_NOFOLLOW unless `follow_links`); false when it is not a regular
// file or cannot be opened or mapped. A file replaced by rename while it is mapped keeps
// its old bytes (as cti writes every file it reads this way).
MappedInput map_input(const std::filesystem::path& path, bool follow_links = true);

}  // namespace cti::io
