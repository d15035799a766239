// A forløb file's history across clones (base/git_history.hpp).
#include "base/git_history.hpp"

#include <fstream>
#include <sstream>

#include "base/process.hpp"

namespace fs = std::filesystem;

namespace cti::git {

namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::optional<std::set<std::string>> pushed_blobs(const fs::path& dir, const std::string& path) {
  auto r = run_process(
      {"git", "log", "--remotes", "--format=", "--raw", "--no-abbrev", "--no-renames", "-c", "--", path}, dir);
  if (r.exit_code != 0) return std::nullopt;
  std::set<std::string> out;
  std::istringstream in(r.out);
  std::string line;
  // ":100644 100644 <old> <new> M\tpath" (with -c, one column per parent).
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != ':') continue;
    std::istringstream fields(line.substr(0, line.find('\t')));
    std::string f;
    while (fields >> f)
      if (f.size() == 40 && f.find_first_not_of('0') != std::string::npos &&
          f.find_first_not_of("0123456789abcdef") == std::string::npos)
        out.insert(f);
  }
  return out;
}

std::optional<Rebase> rebase_in_progress(const fs::path& dir) {
  auto head = run_process({"git", "rev-parse", "--verify", "-q", "REBASE_HEAD"}, dir);
  if (head.exit_code != 0) return std::nullopt;
  for (const char* name : {"rebase-merge/orig-head", "rebase-apply/orig-head"}) {
    auto where = run_process({"git", "rev-parse", "--git-path", name}, dir);
    if (where.exit_code != 0) continue;
    fs::path p = trimmed(where.out);
    if (p.is_relative()) p = dir / p;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) continue;  // never a FIFO: a read from one could wait forever
    std::ifstream in(p);
    std::string orig;
    if (in && std::getline(in, orig) && !trimmed(orig).empty()) return Rebase{trimmed(head.out), trimmed(orig)};
  }
  return std::nullopt;
}

bool rebase_changes_later(const fs::path& dir, const Rebase& r, const std::string& path) {
  auto log = run_process({"git", "log", "--format=%H", r.replaying + ".." + r.orig_head, "--", path}, dir);
  return log.exit_code != 0 || !trimmed(log.out).empty();
}

}  // namespace cti::git
