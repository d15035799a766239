#include "base/git.hpp"

#include <charconv>
#include <cstdlib>
#include <mutex>

#include "base/process.hpp"

namespace cti::git {

void settle_environment() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::error_code ec;
    // Relative paths in GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE mean "from where cti was
    // started"; git runs in the case repository (-C, a subfolder), so make them absolute.
    for (const char* name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"})
      if (const char* v = std::getenv(name); v && *v && std::filesystem::path(v).is_relative())
        setenv(name, std::filesystem::absolute(v, ec).lexically_normal().c_str(), 1);
    // GIT_DIR alone makes git take the directory it runs in as the top of the work tree,
    // which is wrong when the case repository is a subfolder: the work tree of ".../.git"
    // is the folder that holds it (unless core.worktree says otherwise, which git reads).
    const char* dir = std::getenv("GIT_DIR");
    if (dir && *dir && !std::getenv("GIT_WORK_TREE")) {
      std::filesystem::path d(dir);
      if (d.filename() == ".git" && !run_process({"git", "config", "core.worktree"}, d).out.size())
        setenv("GIT_WORK_TREE", d.parent_path().c_str(), 1);
    }
  });
}

namespace {

ProcessResult run_git(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                      const std::string& input = {}) {
  settle_environment();
  return run_process(argv, dir, input);
}

std::vector<std::string_view> split_nul(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\0', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "<mode> <sha> <stage>\t<path>"
std::optional<IndexEntry> parse_entry(std::string_view entry) {
  auto tab = entry.find('\t');
  if (tab == std::string_view::npos) return std::nullopt;
  std::string_view meta = entry.substr(0, tab);
  auto sp1 = meta.find(' ');
  auto sp2 = meta.find(' ', sp1 == std::string_view::npos ? sp1 : sp1 + 1);
  if (sp1 == std::string_view::npos || sp2 == std::string_view::npos) return std::nullopt;
  IndexEntry e;
  e.mode = std::string(meta.substr(0, sp1));
  e.sha = std::string(meta.substr(sp1 + 1, sp2 - sp1 - 1));
  std::string_view stage = meta.substr(sp2 + 1);
  if (std::from_chars(stage.data(), stage.data() + stage.size(), e.stage).ec != std::errc{}) return std::nullopt;
  e.path = std::string(entry.substr(tab + 1));
  return e;
}
constexpr std::string_view kEmptyBlob = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
constexpr unsigned long kIntentToAdd = 0x20000000;  // CE_INTENT_TO_ADD in git's cache.h

// `git ls-files -s -z --debug` gives each entry, NUL-terminated, followed by lines of
// index data ending in "flags: <hex>\n"; the next entry follows that line.
void mark_intent_to_add(const std::filesystem::path& dir, IndexListing& listing) {
  auto r = run_git({"git", "-c", "core.quotePath=false", "ls-files", "-s", "-z", "--debug"}, dir);
  if (r.exit_code != 0) return;
  std::set<std::string> ita;
  std::string_view out = r.out;
  std::string entry;
  for (std::size_t at = 0; at < out.size();) {
    std::size_t nul = out.find('\0', at);
    if (nul == std::string_view::npos) break;
    const std::string_view name = out.substr(at, nul - at);
    std::size_t flags = out.find("flags: ", nul);
    if (flags == std::string_view::npos) break;
    flags += 7;
    std::size_t nl = out.find('\n', flags);
    if (nl == std::string_view::npos) nl = out.size();
    unsigned long value = 0;
    std::from_chars(out.data() + flags, out.data() + nl, value, 16);
    if (value & kIntentToAdd)
      if (auto e = parse_entry(name)) ita.insert(e->path);
    at = nl + 1;
  }
  for (auto& e : listing) e.intent_to_add = e.stage == 0 && ita.count(e.path) > 0;
}

}  // namespace

std::optional<IndexListing> list_index(const std::filesystem::path& dir) {
  auto r = run_git({"git", "-c", "core.quotePath=false", "ls-files", "-s", "-z"}, dir);
  if (r.exit_code != 0) return std::nullopt;
  IndexListing listing;
  bool empty_blob = false;
  for (auto entry : split_nul(r.out))
    if (auto e = parse_entry(entry)) {
      empty_blob = empty_blob || e->sha == kEmptyBlob;
      listing.push_back(std::move(*e));
    }
  if (empty_blob) mark_intent_to_add(dir, listing);
  return listing;
}

bool is_tracked(const IndexListing& listing, std::string_view path) {
  for (const auto& e : listing)
    if (e.stage == 0 && e.path == path) return true;
  return false;
}

std::optional<std::set<std::string>> changed_in_worktree(const std::filesystem::path& dir) {
  auto r = run_git({"git", "-c", "core.quotePath=false", "diff-files", "--name-only", "--relative", "-z"}, dir);
  if (r.exit_code != 0) return std::nullopt;
  std::set<std::string> paths;
  for (auto p : split_nul(r.out)) paths.emplace(p);
  return paths;
}

std::optional<std::vector<std::string>> read_blobs(const std::filesystem::path& dir,
                                                   const std::vector<std::string>& shas) {
  std::vector<std::string> blobs;
  if (shas.empty()) return blobs;
  std::string request;
  for (const auto& sha : shas) request += sha + "\n";
  auto cat = run_git({"git", "cat-file", "--batch"}, dir, request);
  if (cat.exit_code != 0) return std::nullopt;
  // Each answer: "<sha> <type> <size>\n<content>\n"
  std::string_view out = cat.out;
  std::size_t at = 0;
  blobs.reserve(shas.size());
  for (std::size_t i = 0; i < shas.size(); ++i) {
    std::size_t nl = out.find('\n', at);
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view header = out.substr(at, nl - at);
    auto sp = header.rfind(' ');
    if (sp == std::string_view::npos || header.find(" missing") != std::string_view::npos) return std::nullopt;
    std::size_t size = 0;
    std::string_view digits = header.substr(sp + 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), size).ec != std::errc{}) return std::nullopt;
    if (nl + 1 + size > out.size()) return std::nullopt;
    blobs.emplace_back(out.substr(nl + 1, size));
    at = nl + 1 + size + 1;
  }
  return blobs;
}

bool ignores(const std::filesystem::path& dir, const std::filesystem::path& path) {
  auto r = run_git({"git", "check-ignore", "-q", "--no-index", "--", path.string()}, dir);
  return r.exit_code == 0;
}

std::optional<int> commits_behind_upstream(const std::filesystem::path& dir) {
  auto r = run_git({"git", "rev-list", "--count", "HEAD..@{u}"}, dir);
  if (r.exit_code != 0) return std::nullopt;
  int n = 0;
  for (char c : r.out) {
    if (c == '\n' || c == '\r') break;
    if (c < '0' || c > '9' || n > 1000000) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace cti::git
