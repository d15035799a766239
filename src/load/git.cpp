#include "load/git.hpp"

#include <set>

#include "util/process.hpp"

namespace cti::git {

namespace {
std::vector<std::string> split_nul(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\0', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> with_pathspecs(std::vector<std::string> argv, const std::vector<std::string>& specs) {
  argv.push_back("--");
  argv.insert(argv.end(), specs.begin(), specs.end());
  return argv;
}
}  // namespace

bool inside_work_tree(const std::filesystem::path& dir) {
  auto r = run_process({"git", "rev-parse", "--is-inside-work-tree"}, dir);
  return r.exit_code == 0 && r.out.rfind("true", 0) == 0;
}

std::vector<std::string> tracked(const std::filesystem::path& dir, const std::vector<std::string>& pathspecs) {
  auto r = run_process(with_pathspecs({"git", "-c", "core.quotePath=false", "ls-files", "-z"}, pathspecs), dir);
  if (r.exit_code != 0) return {};
  return split_nul(r.out);
}

bool ignores(const std::filesystem::path& dir, const std::filesystem::path& path) {
  auto r = run_process({"git", "check-ignore", "-q", "--no-index", "--", path.string()}, dir);
  return r.exit_code == 0;
}

std::optional<IndexSnapshot> read_index(const std::filesystem::path& dir, const std::vector<std::string>& pathspecs) {
  auto ls = run_process(with_pathspecs({"git", "-c", "core.quotePath=false", "ls-files", "-s", "-z"}, pathspecs), dir);
  if (ls.exit_code != 0) return std::nullopt;
  IndexSnapshot snap;
  std::set<std::string> unmerged;
  std::string request;
  std::vector<std::string> paths;
  for (const auto& entry : split_nul(ls.out)) {
    // "<mode> <sha> <stage>\t<path>"
    auto tab = entry.find('\t');
    if (tab == std::string::npos || tab < 4) continue;
    std::string meta = entry.substr(0, tab);
    std::string path = entry.substr(tab + 1);
    auto sp1 = meta.find(' ');
    auto sp2 = meta.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos) continue;
    std::string sha = meta.substr(sp1 + 1, sp2 - sp1 - 1);
    if (meta.substr(sp2 + 1) != "0") {
      unmerged.insert(path);
      continue;
    }
    request += sha + "\n";
    paths.push_back(path);
  }
  snap.unmerged.assign(unmerged.begin(), unmerged.end());
  if (paths.empty()) return snap;
  auto cat = run_process({"git", "cat-file", "--batch"}, dir, request);
  if (cat.exit_code != 0) return std::nullopt;
  // Each answer: "<sha> <type> <size>\n<content>\n"
  std::size_t at = 0;
  for (const auto& path : paths) {
    std::size_t nl = cat.out.find('\n', at);
    if (nl == std::string::npos) return std::nullopt;
    std::string header = cat.out.substr(at, nl - at);
    auto sp = header.rfind(' ');
    if (sp == std::string::npos || header.find(" missing") != std::string::npos) return std::nullopt;
    std::size_t size = std::stoul(header.substr(sp + 1));
    if (nl + 1 + size > cat.out.size()) return std::nullopt;
    snap.files.push_back({path, cat.out.substr(nl + 1, size)});
    at = nl + 1 + size + 1;
  }
  return snap;
}

}  // namespace cti::git
