// The undo journal of the recording commands: one small file per recording under the git
// directory (git rev-parse --git-path cti/undo), named by the case file and a sequence
// number: a header (file, the written bytes' SHA-1, the commit, the line said), a blank
// line, then the bytes the recording replaced, exactly. At most kKept entries a file.
#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"
#include "base/process.hpp"
#include "base/sha1.hpp"
#include "cli/record.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

constexpr int kKept = 20;
constexpr std::string_view kMagic = "cti-undo 1\n";

// The entries kept for `file`, oldest first: (sequence number, path).
std::vector<std::pair<long, fs::path>> entries_of(const fs::path& dir, const std::string& file) {
  const std::string prefix = sha1_hex(file).substr(0, 16) + "-";
  std::vector<std::pair<long, fs::path>> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string num = name.substr(prefix.size());
    if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos || num.size() > 9) continue;
    out.emplace_back(std::stol(num), it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "key value\n" lines up to the blank line, then the bytes.
std::optional<UndoEntry> parse_entry(const std::string& text) {
  if (text.rfind(kMagic, 0) != 0) return std::nullopt;
  UndoEntry e;
  std::size_t p = kMagic.size();
  while (p < text.size()) {
    std::size_t n = text.find('\n', p);
    if (n == std::string::npos) return std::nullopt;
    std::string line = text.substr(p, n - p);
    p = n + 1;
    if (line.empty()) {
      e.before = text.substr(p);
      return e.file.empty() || e.after_sha.empty() ? std::nullopt : std::optional<UndoEntry>(e);
    }
    std::size_t space = line.find(' ');
    std::string key = line.substr(0, space), value = space == std::string::npos ? "" : line.substr(space + 1);
    if (key == "file")
      e.file = value;
    else if (key == "after")
      e.after_sha = value;
    else if (key == "commit")
      e.commit = value;
    else if (key == "line")
      e.line = value;
  }
  return std::nullopt;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

}  // namespace

std::optional<fs::path> journal_dir(const CheckedRepo& repo) {
  ProcessResult r = run_process({"git", "rev-parse", "--git-path", "cti/undo"}, repo.root);
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
  if (r.exit_code != 0 || r.out.empty()) return std::nullopt;
  fs::path p(r.out);
  return p.is_absolute() ? p : repo.root / p;
}

void journal_recording(const CheckedRepo& repo, const UndoEntry& e) {
  auto dir = journal_dir(repo);
  if (!dir) return;  // outside git: nothing is kept (cti undo says so)
  std::error_code ec;
  fs::create_directories(*dir, ec);
  auto old = entries_of(*dir, e.file);
  const long next = old.empty() ? 1 : old.back().first + 1;
  const fs::path path = *dir / fmt::format("{}-{:09}", sha1_hex(e.file).substr(0, 16), next);
  const std::string text = fmt::format("{}file {}\nafter {}\ncommit {}\nline {}\n\n", kMagic, one_line(e.file),
                                       e.after_sha, e.commit, one_line(e.line)) +
                           e.before;
  if (auto err = ec ? std::optional<std::string>(ec.message()) : write_new_file(path, text, 0600)) {
    print_note(fmt::format(fmt::runtime(tr("the recording cannot be taken back with cti undo ({})",
                                           "registreringen kan ikke fortrydes med cti undo ({})")),
                           *err));
    return;
  }
  for (std::size_t i = 0; i + kKept <= old.size(); ++i) fs::remove(old[i].second, ec);
}

std::optional<UndoEntry> last_recording(const CheckedRepo& repo, const std::string& file) {
  auto dir = journal_dir(repo);
  if (!dir) return std::nullopt;
  auto kept = entries_of(*dir, file);
  for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
    auto text = read_text_file(it->second);
    if (!text) continue;
    auto e = parse_entry(*text);
    if (!e || e->file != file) continue;
    e->path = it->second;
    return e;
  }
  return std::nullopt;
}

void forget_recording(const UndoEntry& e) {
  std::error_code ec;
  if (!e.path.empty()) fs::remove(e.path, ec);
}

}  // namespace cti::cli
