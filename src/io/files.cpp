#include "io/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace cti {

namespace {

std::string errno_text(const fs::path& p) {
  return p.string() + ": " + std::strerror(errno);
}

// Writes content to a fresh temporary file in the same directory; returns its path.
std::optional<fs::path> write_temp(const fs::path& path, const std::string& content, unsigned mode, std::string& err) {
  std::string name = ".";  // built by appending: GCC 12 warns falsely on "." + string (-Wrestrict)
  name += path.filename().string();
  name += ".XXXXXX";
  std::string tmpl = (path.parent_path() / name).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) {
    err = errno_text(path);
    return std::nullopt;
  }
  bool ok = fchmod(fd, mode) == 0;
  std::size_t done = 0;
  while (ok && done < content.size()) {
    ssize_t w = write(fd, content.data() + done, content.size() - done);
    if (w < 0 && errno == EINTR) continue;
    ok = w > 0;
    if (ok) done += static_cast<std::size_t>(w);
  }
  ok = ok && fsync(fd) == 0;
  if (!ok) err = errno_text(path);
  close(fd);
  if (!ok) {
    unlink(tmpl.c_str());
    return std::nullopt;
  }
  return fs::path(tmpl);
}

}  // namespace

std::optional<std::string> write_new_file(const fs::path& path, const std::string& content, unsigned mode) {
  std::string err;
  auto tmp = write_temp(path.parent_path().empty() ? fs::path(".") / path : path, content, mode, err);
  if (!tmp) return err;
  // link() fails with EEXIST instead of replacing: the never-overwrite guarantee.
  int rc = link(tmp->c_str(), path.c_str());
  int saved = errno;
  unlink(tmp->c_str());
  if (rc != 0) {
    errno = saved;
    return errno_text(path);
  }
  return std::nullopt;
}

std::optional<std::string> replace_file(const fs::path& path, const std::string& content, unsigned mode) {
  std::string err;
  auto tmp = write_temp(path.parent_path().empty() ? fs::path(".") / path : path, content, mode, err);
  if (!tmp) return err;
  if (rename(tmp->c_str(), path.c_str()) != 0) {
    std::string e = errno_text(path);
    unlink(tmp->c_str());
    return e;
  }
  return std::nullopt;
}

std::optional<std::string> read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
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
