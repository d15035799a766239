// The cache of checked files (SPEC 10): for each forløb file, the record and the
// diagnostics reading it gave, keyed by the file's path and content (git's blob id),
// under a key for everything else the verdict depends on (cti's build, cti.yaml, the
// language, the rule set). Kept in the git directory (.git/cti/) or, without git, in
// the user's cache directory; never in the work tree. Written whole and renamed into
// place, so two cti processes at once each see a complete file; a damaged file, one
// from another build, or one for another key is ignored and rebuilt. An entry whose
// bytes hold anything CPR-shaped is never written: that file is read every time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/mapped_input.hpp"
#include "load/record_codec.hpp"

namespace cti {

// What stat says of a file: when all of it is unchanged, its content is taken as unchanged
// (as git's index does), unless it was written too recently to be sure.
struct FileStamp {
  std::uint64_t size = 0, inode = 0, device = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  bool valid = false;
  bool operator==(const FileStamp&) const = default;
};
FileStamp stamp_of(int fd);
FileStamp stamp_of(const std::filesystem::path& p);
// The stamp of `rel` below the open folder `dir_fd` (links followed): no walk of the
// folder's own path, and no path object, for each of ten thousand files.
FileStamp stamp_at(int dir_fd, const char* rel);

// A regular file's bytes and the stamp of what was read, through one descriptor; never
// blocks on a FIFO. Nothing when it is not a regular file or cannot be read whole.
std::optional<std::string> read_stamped(const std::filesystem::path& p, FileStamp& stamp, bool follow_links);
// The same, saying why not: the rule ("special-file" or "unreadable") and the reason.
struct ReadFailure {
  std::string rule, reason;
};
std::optional<std::string> read_stamped(const std::filesystem::path& p, FileStamp& stamp, bool follow_links,
                                        ReadFailure& why);

// An entry ready for the cache: encoded, and checked to hold nothing CPR-shaped. Made
// only by CaseCache::prepare, so nothing unchecked reaches the file.
class PreparedCase {
 public:
  explicit operator bool() const { return !payload_.empty(); }

 private:
  friend class CaseCache;
  std::string payload_;
};

class CaseCache {
 public:
  // An unused cache: finds nothing, saves nothing.
  CaseCache() = default;
  // The cache of the repository at `root` for `key` (see cache_key); empty when there is
  // none yet or it cannot be used.
  static CaseCache open(const std::filesystem::path& root, std::string key);

  bool enabled() const { return enabled_; }
  // The cached verdict for `path` as last seen with exactly this stamp (when the stamp can
  // be trusted), decoded straight into `record` and `diags`; false (and both to be
  // overwritten) when there is none. Safe from several threads at once.
  bool find_stamped(const std::string& path, const FileStamp& stamp, Forloeb& record, Diagnostics& diags) const;
  // The cached verdict for `path` holding `blob`, decoded straight into `record` and
  // `diags`; false (and both to be overwritten) when there is none. Safe from several
  // threads at once.
  bool find(const std::string& path, const std::string& blob, Forloeb& record, Diagnostics& diags) const;
  // Encodes a verdict for remember(): pure, safe from any thread. Empty when the path
  // or the record holds a possible CPR number (cti.yaml's allowlist does not apply here).
  static PreparedCase prepare(const std::string& path, const Forloeb& record, const Diagnostics& diags);
  // Records a verdict, or refreshes the stamp of a known one (`c` may then be empty).
  // From one thread, after the parallel reads.
  void remember(const std::string& path, const std::string& blob, const FileStamp& stamp, PreparedCase c);
  // Writes the cache back when anything was added or refreshed; silent when it cannot.
  void save();

 private:
  // Views into map_ (as read) or owned_ (added): reading the cache allocates nothing per entry.
  struct Entry {
    std::string_view path, blob;  // blob: 20 raw bytes
    FileStamp stamp;
    std::string_view payload;     // encode_case
    std::size_t next = SIZE_MAX;  // the next entry of the same path
  };
  const Entry* lookup(const std::string& path, const std::string& raw_blob) const;
  void link(std::size_t i);  // adds entries_[i] to by_path_, after the path's others

  bool enabled_ = false;
  bool dirty_ = false;
  std::filesystem::path file_;
  std::string key_;
  std::int64_t opened_ns_ = 0;
  io::MappedInput map_;            // the cache file as read (mapped: moving the cache keeps the views valid)
  std::deque<std::string> owned_;  // paths, blobs and payloads added by remember (a deque never moves them)
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, std::size_t> by_path_;  // the first entry of each path
  mutable std::vector<char> used_;  // one byte per entry: distinct bytes, so threads never share one
};

// Everything besides a file's own bytes that its verdict depends on.
std::string cache_key(std::string_view config_bytes);

// Whether CTI_NO_CACHE asks for no cache (any value but empty or "0").
bool cache_disabled_by_environment();

}  // namespace cti
