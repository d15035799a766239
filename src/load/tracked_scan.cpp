// The tracked-file scan (see tracked_scan.hpp): names, link targets and contents of
// every tracked entry, the staged entries outside a subfolder repository, and a clear
// error when git cannot list them.
#include "load/tracked_scan.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <set>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "io/files.hpp"
#include "load/cpr_leak.hpp"

namespace fs = std::filesystem;

namespace cti {

using i18n::tr;

namespace {

void report_name(const std::string& path, bool link_target, Diagnostics& out) {
  out.push_back(make_diag(
      path, {1, 1}, Severity::error, "cpr-leak",
      link_target ? std::string(tr("the target of this symbolic link holds a possible CPR number",
                                   "målet for dette symbolske link indeholder et muligt CPR-nummer"))
                  : std::string(tr("the file name holds a possible CPR number; name case files by their id",
                                   "filnavnet indeholder et muligt CPR-nummer; navngiv forløbsfiler efter deres id"))));
}

// An entry git tracks that is no regular file: its name, and a link's target.
void scan_special(const std::string& path, const git::IndexEntry& e, const std::string* target,
                  const CprAllowlist& allow, Diagnostics& out) {
  if (name_holds_cpr(path, allow)) report_name(path, false, out);
  if (e.mode == "120000" && target && name_holds_cpr(*target, allow)) report_name(path, true, out);
}

// Whether git should have answered for `root`: a .git at or above it, or GIT_DIR set.
bool git_expected(const fs::path& root) {
  if (const char* d = std::getenv("GIT_DIR"); d && *d) return true;
  std::error_code ec;
  for (fs::path d = fs::absolute(root, ec); !d.empty(); d = d.parent_path()) {
    const auto st = fs::symlink_status(d / ".git", ec);
    if (fs::exists(st) || fs::is_symlink(st)) return true;
    if (d == d.parent_path()) break;
  }
  return false;
}

void cannot_list(const std::string& why, Diagnostics& out) {
  out.push_back(make_diag(
      ".", {1, 1}, Severity::error, "unreadable",
      fmt::format(fmt::runtime(tr("git cannot list the tracked files ({}); a possible CPR number in them cannot be "
                                  "ruled out",
                                  "git kan ikke liste de sporede filer ({}); et muligt CPR-nummer i dem kan ikke "
                                  "udelukkes")),
                  privacy::redact(why))));
}

std::string first_line(const ProcessResult& r) {
  if (r.exit_code == -1) return "git could not be started";
  std::string line = r.err.substr(0, r.err.find('\n'));
  return line.empty() ? fmt::format("git exit {}", r.exit_code) : line;
}

// Snapshot::index in a subfolder of the work tree: every staged entry outside it.
void scan_outside(const fs::path& root, const CprAllowlist& allow, Diagnostics& out) {
  git::settle_environment();
  // One git run: the prefix line (empty at the top), then the top of the work tree.
  auto where = run_process({"git", "rev-parse", "--show-prefix", "--show-toplevel"}, root);
  const std::size_t eol = where.out.find('\n');
  if (where.exit_code != 0 || eol == std::string::npos) {
    if (git_expected(root)) cannot_list(first_line(where), out);
    return;
  }
  std::string pre = where.out.substr(0, eol);
  if (pre.empty()) return;
  const std::string top_line = where.out.substr(eol + 1);
  std::string up;
  for (char c : pre)
    if (c == '/') up += "../";
  const fs::path top_dir = top_line.substr(0, top_line.find('\n'));
  auto all = git::list_index(top_dir);
  if (!all) return cannot_list("git ls-files", out);
  std::vector<const git::IndexEntry*> outside;
  std::vector<std::string> shas;
  for (const auto& e : *all) {
    if (e.stage != 0 || e.intent_to_add || e.path.rfind(pre, 0) == 0) continue;
    outside.push_back(&e);
    if (e.regular_file() || e.mode == "120000") shas.push_back(e.sha);
  }
  auto blobs = git::read_blobs(top_dir, shas);
  if (!blobs) return cannot_list("git cat-file", out);
  std::size_t b = 0;
  for (const auto* e : outside) {
    const std::string shown = up + e->path;
    if (e->regular_file())
      scan_for_cpr(SourceFile{shown, std::move((*blobs)[b++])}, out, allow);
    else if (e->mode == "120000")
      scan_special(shown, *e, &(*blobs)[b++], allow, out);
    else
      scan_special(shown, *e, nullptr, allow, out);
  }
}

}  // namespace

void scan_tracked_files(const LoadedRepo& repo, const std::optional<git::IndexListing>& listing,
                        const std::string& cpr_file, Diagnostics& out) {
  if (!listing) {
    if (git_expected(repo.root)) {
      git::settle_environment();
      cannot_list(first_line(run_process({"git", "ls-files", "-z"}, repo.root)), out);
    }
    return;
  }
  const CprAllowlist allow = make_allowlist(repo.project);
  // cti.yaml and the case files are scanned when loaded; the key file has its own rule.
  auto scanned = [&](const std::string& path) {
    return path != kConfigFile && path != cpr_file && !is_case_path(path);
  };
  const bool staged = repo.snapshot == Snapshot::index;
  std::set<std::string> have;
  if (staged)
    for (const auto& f : repo.other_staged)
      if (scanned(f.path)) {
        scan_for_cpr(f, out, allow);
        have.insert(f.path);
      }
  // Staged entries not read with the others (links, a stray file in forloeb/), in one git call.
  std::vector<const git::IndexEntry*> rest;
  std::vector<std::string> shas;
  for (const auto& e : *listing) {
    if (e.stage != 0 || !scanned(e.path) || have.count(e.path) || (staged && e.intent_to_add)) continue;
    rest.push_back(&e);
    if (staged && (e.regular_file() || e.mode == "120000")) shas.push_back(e.sha);
  }
  std::vector<std::string> blobs;
  if (staged) {
    auto read = git::read_blobs(repo.root, shas);
    if (!read) return cannot_list("git cat-file", out);
    blobs = std::move(*read);
  }
  std::size_t b = 0;
  for (const auto* e : rest) {
    if (staged) {
      if (e->regular_file())
        scan_for_cpr(SourceFile{e->path, std::move(blobs[b++])}, out, allow);
      else
        scan_special(e->path, *e, e->mode == "120000" ? &blobs[b++] : nullptr, allow, out);
      continue;
    }
    std::error_code ec;
    const fs::path p = repo.root / e->path;
    const auto st = fs::symlink_status(p, ec);
    if (fs::is_symlink(st)) {
      const std::string target = fs::read_symlink(p, ec).string();
      scan_special(e->path, git::IndexEntry{e->path, "120000", {}, 0, false}, ec ? nullptr : &target, allow, out);
    } else if (e->regular_file() && fs::is_regular_file(st)) {
      if (auto bytes = read_text_file(p))
        scan_for_cpr(SourceFile{e->path, std::move(*bytes)}, out, allow);
      else
        scan_special(e->path, *e, nullptr, allow, out);
    } else {
      scan_special(e->path, *e, nullptr, allow, out);  // deleted, a submodule, a FIFO: the name
    }
  }
  if (staged) scan_outside(repo.root, allow, out);
}

}  // namespace cti
