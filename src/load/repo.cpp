#include "load/repo.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <future>
#include <memory>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "base/cpr_scan.hpp"
#include "base/git.hpp"
#include "base/lang.hpp"
#include "base/sha1.hpp"
#include "io/dir_handle.hpp"
#include "io/files.hpp"
#include "io/input_file.hpp"
#include "load/case_cache.hpp"
#include "load/forloeb_loader.hpp"
#include "load/project_loader.hpp"
#include "load/same_id.hpp"
#include "load/text_checks.hpp"
#include "load/tree_entries.hpp"
#include "load/yaml_tree.hpp"

namespace fs = std::filesystem;

namespace cti {

using i18n::tr;

std::optional<fs::path> find_repo_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    // Any file named cti.yaml ends the search, a FIFO or a broken link too: reading it
    // then says what is wrong, where a search past it would open another repository.
    const auto type = fs::symlink_status(dir / kConfigFile, ec).type();
    if (!ec && type != fs::file_type::not_found && !fs::is_directory(dir / kConfigFile, ec)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

bool is_hidden_case_entry(const std::string& rel) {
  return rel.find("/.") != std::string::npos || (!rel.empty() && rel[0] == '.');
}

bool is_case_path(const std::string& rel) {
  const std::string_view dir = kCaseDir, r = rel;  // asked of every file: no allocation
  if (!r.starts_with(dir) || r.size() <= dir.size() || r[dir.size()] != '/' || is_hidden_case_entry(rel)) return false;
  const std::string_view name = r.substr(r.rfind('/') + 1);
  return name.size() > 5 && name.ends_with(".yaml");
}

namespace {

// One job per case file: where its bytes come from, and where its results go. The
// record itself is written straight into LoadedRepo::forloeb (`result`, set once the jobs
// are in path order): a record is large, and moving ten thousand of them shows.
struct CaseJob {
  SourceFile file;
  bool preloaded = false;
  Forloeb* result = nullptr;
  Diagnostics diags;
  std::string staged_sha;  // Snapshot::index: the blob the bytes are (preloaded) or must hash to
  bool stale = false;      // the disk copy is not the staged blob: read it from git instead
  // The cache: the content's blob id, the file's stamp, and what to remember.
  std::string blob;
  FileStamp stamp;
  std::size_t folder = SIZE_MAX;  // RootDir::folders: the folder held open for the stamp
  std::size_t name_at = 0;        // where the file's own name begins in file.path
  bool remember = false;
  bool from_cache = false;
  PreparedCase prepared;
};

CaseJob job_for(SourceFile f, bool preloaded, std::string staged_sha = {}) {
  CaseJob job;
  job.file = std::move(f);
  job.preloaded = preloaded;
  job.staged_sha = std::move(staged_sha);
  return job;
}

// Whether `bytes` are exactly the blob `sha` (a SHA-1 repository; otherwise unknown: no).
bool is_blob(const std::string& bytes, const std::string& sha) {
  return sha.size() == 40 && git_blob_id(bytes) == sha;
}

bool take_cached(CaseJob& job, const CaseCache& cache) {
  if (!cache.find(job.file.path, job.blob, *job.result, job.diags)) {
    *job.result = Forloeb();  // nothing half-decoded is left behind
    job.diags.clear();
    return false;
  }
  job.from_cache = true;
  return true;
}

// Where the jobs read from: the root's path, and each folder of case files held open for
// the stamps, so that a stat walks only the file's own name (a folder that could not be
// opened has fd() -1: its files' paths are then walked from the start).
struct RootDir {
  explicit RootDir(fs::path p) : path(std::move(p)) {}
  fs::path path;
  std::vector<std::unique_ptr<io::DirHandle>> folders;
};

// Opens the folder of every job (the jobs in path order: a folder's files mostly together).
void open_folders(RootDir& root, std::vector<CaseJob>& jobs) {
  std::unordered_map<std::string_view, std::size_t> seen;
  for (auto& job : jobs) {
    const std::string& path = job.file.path;
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) continue;
    const std::string_view folder = std::string_view(path).substr(0, slash);
    auto [it, fresh] = seen.try_emplace(folder, root.folders.size());
    if (fresh) root.folders.push_back(std::make_unique<io::DirHandle>(root.path / std::string(folder)));
    job.folder = it->second;
    job.name_at = slash + 1;
  }
}

void run_job(const RootDir& root, CaseJob& job, const CaseReading& how, const CaseCache& cache) {
  if (cache.enabled() && !job.staged_sha.empty()) {
    job.blob = job.staged_sha;  // the index names the content: nothing to read when it is known
    if (take_cached(job, cache)) return;
  }
  if (!job.preloaded) {
    if (cache.enabled() && job.staged_sha.empty()) {
      const int fd = job.folder < root.folders.size() ? root.folders[job.folder]->fd() : -1;
      job.stamp = fd >= 0 ? stamp_at(fd, job.file.path.c_str() + job.name_at) : stamp_of(root.path / job.file.path);
      if (cache.find_stamped(job.file.path, job.stamp, *job.result, job.diags)) {
        job.from_cache = true;  // the content is the one last seen: no blob id needed
        return;
      }
    }
    ReadFailure why;
    auto bytes = read_stamped(root.path / job.file.path, job.stamp, true, why);
    if (!bytes) {
      job.result->file = job.file.path;
      job.result->stem = file_stem(job.file.path);
      job.result->dates_unreadable = true;
      job.diags.push_back(
          make_diag(job.file.path, {1, 1}, Severity::error, why.rule,
                    fmt::format(fmt::runtime(tr("cannot read the file: {}", "filen kan ikke læses: {}")), why.reason)));
      return;
    }
    job.file.bytes = std::move(*bytes);
    if (!job.staged_sha.empty() && !is_blob(job.file.bytes, job.staged_sha)) {
      job.stale = true;  // changed in the work tree though git's stat cache says not
      return;
    }
  } else {
    job.stamp = {};  // from git: no file on disk stands for these bytes
  }
  if (cache.enabled()) {
    job.remember = true;
    if (job.blob.empty()) job.blob = git_blob_id(job.file.bytes);
    if (job.staged_sha.empty() && take_cached(job, cache)) return;  // same content, new stamp
  }
  *job.result = read_case(job.file, job.diags, how);
  std::string().swap(job.file.bytes);
  if (job.remember) job.prepared = CaseCache::prepare(job.file.path, *job.result, job.diags);
}

void run_jobs(const RootDir& root, std::vector<CaseJob>& jobs, const CaseReading& how, const CaseCache& cache) {
  unsigned n = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), 8));
  if (jobs.size() < 64) n = 1;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) run_job(root, jobs[i], how, cache);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

// The staged files of Snapshot::index: the index listing, cti.yaml, the case files and
// (for load/tracked_scan) every other regular file. A file whose work-tree copy git
// reports unchanged (`git diff-files`) is read from disk, which is much faster than
// inflating its blob; the others come from one `git cat-file`. Returns a setup error.
std::optional<std::string> read_staged(const fs::path& root, LoadedRepo& repo, std::optional<SourceFile>& config,
                                       std::vector<CaseJob>& jobs) {
  const std::string cannot = std::string(tr("cannot read the git index; --staged needs a git repository",
                                            "kan ikke læse git-indekset; --staged kræver et git-repository"));
  // Two git runs at once: the index, and what git sees changed in the work tree.
  git::settle_environment();
  std::optional<std::set<std::string>> changed;
  try {
    auto asked = std::async(std::launch::async, [&root] { return git::changed_in_worktree(root); });
    repo.index = git::list_index(root);
    changed = asked.get();
  } catch (const std::system_error&) {  // no thread to be had: one after the other
    repo.index = git::list_index(root);
    changed = git::changed_in_worktree(root);
  }
  if (!repo.index || !changed) return cannot;
  const std::string case_prefix = std::string(kCaseDir) + "/";
  std::vector<const git::IndexEntry*> from_git;
  std::set<std::string> unmerged;
  for (const auto& e : *repo.index) {
    if (e.intent_to_add) continue;  // `git add -N`: git commits nothing of it
    const bool ours = e.path == kConfigFile || e.path.rfind(case_prefix, 0) == 0;
    if (e.stage != 0) {
      if (ours) unmerged.insert(e.path);
      continue;
    }
    const bool in_tree = ours && e.path != kConfigFile && !is_hidden_case_entry(e.path);
    if (!e.regular_file()) {
      if (in_tree) report_stray(e.path, e.mode == "120000" ? Stray::broken_link : Stray::special, repo.diagnostics);
      continue;
    }
    if (in_tree && !is_case_path(e.path)) {
      if (is_misnamed_case(e.path))
        report_misnamed(e.path, repo.diagnostics);
      else
        report_stray(e.path, Stray::file, repo.diagnostics);
      continue;
    }
    std::error_code ec;
    if (changed->count(e.path) || !fs::is_regular_file(root / e.path, ec) || e.sha.size() != 40) {
      from_git.push_back(&e);
      continue;
    }
    // Git says unchanged, but assume-unchanged, skip-worktree and core.ignoreStat can
    // make it say so of a changed file: a disk copy is used only when it hashes to the
    // staged blob (case files check in their job, in parallel).
    if (is_case_path(e.path)) {
      jobs.push_back(job_for({e.path, {}}, false, e.sha));
    } else {
      auto bytes = read_text_file(root / e.path);
      if (!bytes || !is_blob(*bytes, e.sha))
        from_git.push_back(&e);
      else if (e.path == kConfigFile)
        config = SourceFile{e.path, std::move(*bytes)};
      else
        repo.other_staged.push_back({e.path, std::move(*bytes)});
    }
  }
  std::vector<std::string> shas;
  for (const auto* e : from_git) shas.push_back(e->sha);
  auto blobs = git::read_blobs(root, shas);
  if (!blobs) return cannot;
  for (std::size_t i = 0; i < from_git.size(); ++i) {
    SourceFile f{from_git[i]->path, std::move((*blobs)[i])};
    const std::string& sha = from_git[i]->sha;
    if (f.path == kConfigFile)
      config = std::move(f);
    else if (is_case_path(f.path))
      jobs.push_back(job_for(std::move(f), true, sha));
    else
      repo.other_staged.push_back(std::move(f));
  }
  for (const auto& path : unmerged)
    repo.diagnostics.push_back(make_diag(
        path, {1, 1}, Severity::error, "merge-conflict",
        std::string(tr("unresolved merge conflict in the git index", "uløst flettekonflikt i git-indekset"))));
  return std::nullopt;
}

// Every entry of the forloeb/ tree in the work tree: case files become jobs, everything
// else (but hidden names) gets a diagnostic. Symbolic links to files are followed, links
// to folders are not (no loops).
void scan_case_tree(const fs::path& root, std::vector<CaseJob>& jobs, Diagnostics& out) {
  std::error_code ec;
  if (!fs::is_directory(root / kCaseDir, ec)) return;
  std::vector<std::string> folders{kCaseDir};  // relative to the root
  while (!folders.empty()) {
    const std::string folder = std::move(folders.back());
    folders.pop_back();
    int error = 0;
    const std::vector<io::DirEntry> names = io::list_dir(root / folder, error);
    if (error != 0) {
      out.push_back(make_diag(folder, {1, 1}, Severity::error, walk_rule(error),
                              fmt::format(fmt::runtime(tr("cannot read this folder: {}; forløb in it may be missing",
                                                          "mappen kan ikke læses: {}; forløb i den kan mangle")),
                                          io::errno_reason(error))));
      continue;
    }
    jobs.reserve(jobs.size() + names.size());  // a job is large: grown once per folder, not moved again
    for (const auto& [name, plain_file] : names) {
      if (name.empty() || name[0] == '.') continue;  // hidden: .gitkeep, .archive/
      const std::string rel = folder + "/" + name;
      if (plain_file && is_case_path(rel)) {  // the common case, without a stat
        jobs.push_back(job_for({rel, {}}, false));
        continue;
      }
      const fs::path p = root / rel;
      std::error_code lec, tec;
      const auto link = fs::symlink_status(p, lec);
      const auto target = fs::status(p, tec);
      if (lec || (tec && tec != std::errc::no_such_file_or_directory)) {
        report_unwalkable(rel, lec ? lec.value() : tec.value(), out);  // too long a path, no permission
      } else if (fs::is_symlink(link) && !fs::exists(target)) {
        report_stray(rel, Stray::broken_link, out);
      } else if (fs::is_directory(target)) {
        if (fs::is_symlink(link))
          report_stray(rel, Stray::dir_link, out);
        else
          folders.push_back(rel);
      } else if (!fs::is_regular_file(target) && !is_case_path(rel)) {
        report_stray(rel, Stray::special, out);
      } else if (is_case_path(rel)) {  // a FIFO or device named ID.yaml too: its read says [special-file]
        jobs.push_back(job_for({rel, {}}, false));
      } else if (is_misnamed_case(rel)) {
        report_misnamed(rel, out);
      } else {
        report_stray(rel, Stray::file, out);
      }
    }
  }
}

}  // namespace

CaseReading case_reading(const Project& p) {
  CaseReading how{make_allowlist(p), {}};
  for (const auto& item : p.checklist()) how.item_ids.push_back(item.id);
  return how;
}

Forloeb read_case(const SourceFile& f, Diagnostics& out, const CaseReading& how) {
  scan_for_cpr(f, out, how.allow);
  return load_forloeb(f, out, how.item_ids);
}

std::optional<Lang> peek_repo_lang(const fs::path& root) {
  // Asked twice per command (for the command-line errors, then for the command): the
  // answer for the same bytes is remembered, so a large cti.yaml is parsed once here.
  static std::optional<std::pair<std::string, std::optional<Lang>>> last;
  auto bytes = read_text_file(root / kConfigFile);
  if (!bytes) return std::nullopt;
  if (last && last->first == *bytes) return last->second;
  std::optional<Lang> lang;
  if (auto doc = yaml::parse_fast_remembered(*bytes)) {  // the ordinary file, parsed once for the project too
    if (const auto& v = (*doc)["sprog"]; v.IsScalar()) lang = i18n::parse_lang(v.Scalar());
  } else {
    try {
      YAML::Node doc = YAML::Load(*bytes);
      if (doc.IsMap() && doc["sprog"] && doc["sprog"].IsScalar()) lang = i18n::parse_lang(doc["sprog"].Scalar());
    } catch (const std::exception&) {
    }
  }
  last.emplace(std::move(*bytes), lang);
  return lang;
}

std::variant<LoadedRepo, std::string> load_repo(const fs::path& root, Snapshot snap, bool use_cache) {
  LoadedRepo repo;
  repo.root = root;
  repo.snapshot = snap;
  std::vector<CaseJob> jobs;
  std::optional<SourceFile> config;

  // The work tree's git index is read once (the checks and an unmerged file need it), by
  // git on another thread while the files are read; the environment git runs with is
  // settled first, on this thread. The cache file is read on another thread too, while
  // the forloeb/ tree is walked.
  std::future<std::optional<git::IndexListing>> index;
  std::future<CaseCache> opened;
  auto open_cache = [&] {
    if (!use_cache) return;
    try {
      opened = std::async(std::launch::async, [&root, key = cache_key(config->bytes)]() mutable {
        return CaseCache::open(root, std::move(key));
      });
    } catch (const std::system_error&) {  // opened below, on this thread
    }
  };
  auto read_config = [&]() -> std::optional<std::string> {  // from disk, unless the index gave it
    if (config) return std::nullopt;
    io::InputFile in = io::read_input(root / kConfigFile);
    if (!in)
      return fmt::format(fmt::runtime(tr("cannot read {}: {} [{}]", "kan ikke læse {}: {} [{}]")),
                         (root / kConfigFile).string(), io::input_reason(in), io::input_rule(in));
    config = SourceFile{kConfigFile, std::move(*in.bytes)};
    return std::nullopt;
  };
  if (snap == Snapshot::index) {
    if (auto error = read_staged(root, repo, config, jobs)) return *error;
    if (auto error = read_config()) return *error;
    open_cache();
  } else {
    git::settle_environment();
    try {
      index = std::async(std::launch::async, [&root] { return git::list_index(root); });
    } catch (const std::system_error&) {  // no thread to be had: read it now
      repo.index = git::list_index(root);
    }
    if (auto error = read_config()) return *error;
    open_cache();
    scan_case_tree(root, jobs, repo.diagnostics);
  }
  {  // path order, moving each job once (a job is large; sorting them in place moves each many times)
    std::vector<std::size_t> order(jobs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return jobs[a].file.path < jobs[b].file.path; });
    std::vector<CaseJob> sorted;
    sorted.reserve(jobs.size());
    for (std::size_t i : order) sorted.push_back(std::move(jobs[i]));
    jobs = std::move(sorted);
  }
  repo.forloeb.resize(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].result = &repo.forloeb[i];

  repo.project = load_project(*config, repo.diagnostics);
  const CaseReading how = case_reading(repo.project);
  scan_for_cpr(*config, repo.diagnostics, how.allow);  // cti.yaml's own cpr_tilladt clears in it too
  CaseCache cache = opened.valid() ? opened.get()
                    : use_cache    ? CaseCache::open(root, cache_key(config->bytes))
                                   : CaseCache();
  RootDir dir(root);
  if (cache.enabled()) open_folders(dir, jobs);
  run_jobs(dir, jobs, how, cache);
  std::vector<CaseJob*> stale;
  for (auto& job : jobs)
    if (job.stale) stale.push_back(&job);
  if (!stale.empty()) {
    std::vector<std::string> shas;
    for (const auto* job : stale) shas.push_back(job->staged_sha);
    auto blobs = git::read_blobs(root, shas);
    if (!blobs)
      return std::string(tr("cannot read the git index; --staged needs a git repository",
                            "kan ikke læse git-indekset; --staged kræver et git-repository"));
    for (std::size_t i = 0; i < stale.size(); ++i) {
      Forloeb* result = stale[i]->result;
      *stale[i] = job_for({stale[i]->file.path, std::move((*blobs)[i])}, true, stale[i]->staged_sha);
      stale[i]->result = result;
      run_job(dir, *stale[i], how, cache);
    }
  }
  if (index.valid()) repo.index = index.get();
  for (auto& job : jobs) {
    if (job.remember) cache.remember(job.file.path, job.blob, job.stamp, std::move(job.prepared));
    repo.from_cache += job.from_cache;
    repo.diagnostics.insert(repo.diagnostics.end(), job.diags.begin(), job.diags.end());
  }
  cache.save();
  explain_same_id(root, repo.index, repo.diagnostics);
  return repo;
}

}  // namespace cti
