// Whole files: read, created without overwriting, replaced, a line ensured (files.hpp).
#include "io/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "io/atomic_file.hpp"
#include "io/input_file.hpp"

namespace fs = std::filesystem;

namespace cti {

namespace {

std::string errno_text(const fs::path& p) {
  return p.string() + ": " + std::strerror(errno);
}

std::optional<std::string> result(const fs::path& path, const io::PlaceResult& r) {
  if (r) return std::nullopt;
  errno = r.error ? r.error : EIO;
  return errno_text(path);
}

}  // namespace

std::optional<std::string> write_new_file(const fs::path& path, const std::string& content, unsigned mode) {
  // Never over an existing name: linkat/link fail with EEXIST instead of replacing.
  return result(path, io::place_file(path, content, static_cast<mode_t>(mode), false));
}

std::optional<std::string> replace_file(const fs::path& path, const std::string& content, unsigned mode) {
  return result(path, io::place_file(path, content, static_cast<mode_t>(mode), true));
}

std::optional<std::string> read_text_file(const fs::path& path) {
  return io::read_input(path).bytes;
}

std::optional<std::string> ensure_line(const fs::path& path, const std::string& line) {
  std::error_code ec;
  const bool link = fs::is_symlink(fs::symlink_status(path, ec));
  auto existing = read_text_file(path);
  if (!existing && link) return path.string() + ": " + std::strerror(ENOENT);  // dangling: never replaced
  if (!existing) return write_new_file(path, line + "\n");
  std::istringstream in(*existing);
  for (std::string l; std::getline(in, l);)
    if (l == line || l == "/" + line) return std::nullopt;
  std::string content = *existing;
  if (!content.empty() && content.back() != '\n') content += '\n';
  if (!link) return replace_file(path, content + line + "\n");
  // A link (a .gitignore shared between repositories, say) is appended through, never
  // replaced by a copy.
  std::string add = content.size() > existing->size() ? "\n" + line + "\n" : line + "\n";
  int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return errno_text(path);
  bool ok = write(fd, add.data(), add.size()) == static_cast<ssize_t>(add.size());
  std::string err = ok ? std::string() : errno_text(path);
  close(fd);
  return ok ? std::nullopt : std::optional<std::string>(err);
}

}  // namespace cti
