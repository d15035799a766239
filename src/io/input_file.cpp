// The one reader of input files: regular files only, never blocking (input_file.hpp).
#include "io/input_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/lang.hpp"

namespace cti::io {

using i18n::tr;

InputFile read_input(const std::filesystem::path& path, bool follow_links) {
  InputFile r;
  // O_NONBLOCK: opening a FIFO does not wait for a writer; O_NOCTTY: a terminal never
  // becomes ours. Either is refused by the fstat check before anything is read.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW));
  if (fd < 0) {
    r.error = errno;
    return r;
  }
  if (::fstat(fd, &r.st) != 0) {
    r.error = errno;
    ::close(fd);
    return r;
  }
  if (!S_ISREG(r.st.st_mode)) {
    r.not_regular = true;
    ::close(fd);
    return r;
  }
  std::string bytes;
  if (r.st.st_size > 0) bytes.reserve(static_cast<std::size_t>(r.st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.error = errno;
      ::close(fd);
      return r;
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  r.bytes = std::move(bytes);
  return r;
}

std::string errno_reason(int error) {
  switch (error) {
    case 0:
      return {};
    case ENOENT:
      return std::string(tr("it does not exist", "den findes ikke"));
    case EACCES:
    case EPERM:
      return std::string(tr("permission denied", "adgang nægtet"));
    case ENAMETOOLONG:
      return std::string(tr("the path is longer than the system allows (move the file to a shorter path)",
                            "stien er længere end systemet tillader (flyt filen til en kortere sti)"));
    case ELOOP:
      return std::string(tr("a symbolic link that is not followed here, or a loop of links",
                            "et symbolsk link der ikke følges her, eller en løkke af links"));
    case EISDIR:
      return std::string(tr("it is a folder, not a file", "det er en mappe, ikke en fil"));
    case ENOTDIR:
      return std::string(tr("a part of the path is not a folder", "en del af stien er ikke en mappe"));
    default:
      return std::strerror(error);
  }
}

std::string input_reason(const InputFile& f) {
  if (f.bytes) return {};
  if (!f.not_regular) return errno_reason(f.error ? f.error : EIO);
  const auto mode = f.st.st_mode;
  if (S_ISFIFO(mode))
    return std::string(tr("it is a FIFO (named pipe), not a regular file; cti reads only regular files",
                          "det er en FIFO (navngivet rør), ikke en almindelig fil; cti læser kun almindelige filer"));
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return std::string(tr("it is a device, not a regular file; cti reads only regular files",
                          "det er en enhed, ikke en almindelig fil; cti læser kun almindelige filer"));
  if (S_ISSOCK(mode))
    return std::string(tr("it is a socket, not a regular file; cti reads only regular files",
                          "det er en socket, ikke en almindelig fil; cti læser kun almindelige filer"));
  if (S_ISDIR(mode)) return errno_reason(EISDIR);
  return std::string(tr("not a regular file; cti reads only regular files",
                        "ikke en almindelig fil; cti læser kun almindelige filer"));
}

std::string_view input_rule(const InputFile& f) {
  if (f.not_regular) return S_ISDIR(f.st.st_mode) ? "unreadable" : "special-file";
  return f.error == ENAMETOOLONG ? "path-too-long" : "unreadable";
}

}  // namespace cti::io
