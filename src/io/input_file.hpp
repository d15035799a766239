// Reading a whole input file (cti.yaml, a case file, the key file, a file git or a hook
// uses): the one place in cti that opens a file to read it. Only a regular file is read;
// a FIFO, a device, a socket or a folder is refused without blocking and without reading
// a byte (cti never waits for a writer that may never come, nor reads /dev/zero forever).
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cti::io {

// What reading gave: the bytes, or why not.
struct InputFile {
  std::optional<std::string> bytes;  // the whole file, when it is a regular file read whole
  int error = 0;                     // errno when it could not be opened or read
  bool not_regular = false;          // opened, but a FIFO, device, socket or folder: not read
  struct stat st {};                 // fstat of what was opened (valid when opened)
  explicit operator bool() const { return bytes.has_value(); }
};

// Opens `path` with O_NONBLOCK (and O_NOFOLLOW unless `follow_links`), checks with fstat
// that it is a regular file, then reads it to the end.
InputFile read_input(const std::filesystem::path& path, bool follow_links = true);

// Why a read failed, in the current language ("is a FIFO (named pipe), not a regular
// file", "the path is longer than the system allows", ...). Empty when it did not fail.
std::string input_reason(const InputFile& f);
// The same for an errno from elsewhere (a directory walk, a stat).
std::string errno_reason(int error);

// The rule a failed read falls under: "special-file" for one that is not a regular
// file, "path-too-long" for a path past the system's limit, "unreadable" otherwise.
std::string_view input_rule(const InputFile& f);

}  // namespace cti::io
