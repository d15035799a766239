// The cache file: "cti-cache\n", the key, the entries, a checksum of all before it.
//   entry = path, 20-byte blob id, stamp, payload (strings as u32 length + bytes)
// Integers and blob ids are binary, so no run of ten digits appears by accident; an
// entry whose path or payload holds a possible CPR number is not written at all.
#include "load/case_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/rule_registry.hpp"
#include "base/sha1.hpp"
#include "io/atomic_file.hpp"
#include "io/input_file.hpp"

namespace fs = std::filesystem;

namespace cti {

namespace {

constexpr std::string_view kMagic = "cti-cache\n";
// Files written less than this long before they were read may still change within the
// same timestamp: their stamp is not trusted (git's "racily clean" entries).
constexpr std::int64_t kRacyNs = 2'000'000'000;
// The fewest bytes an entry takes: path and payload lengths, blob id, stamp.
constexpr std::size_t kMinEntry = 4 + 20 + 6 * 8 + 4;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FileStamp from_stat(const struct stat& st) {
  FileStamp s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.device = static_cast<std::uint64_t>(st.st_dev);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.valid = S_ISREG(st.st_mode);
  return s;
}

std::string hex_to_raw(std::string_view hex) {
  if (hex.size() != 40) return {};
  std::string raw(20, '\0');
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (std::size_t i = 0; i < 20; ++i) raw[i] = static_cast<char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  return raw;
}

// A checksum against truncation and damage (not against an adversary: the cache lives
// in the user's own git directory).
std::uint64_t checksum(std::string_view s) {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ull;
  return h;
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_str(std::string& out, std::string_view s) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((s.size() >> (8 * i)) & 0xff);
  out.append(s);
}

struct Cursor {
  std::string_view in;
  std::size_t at = 0;
  bool ok = true;
  std::uint64_t u64() {
    if (in.size() - at < 8) return ok = false, 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    at += 8;
    return v;
  }
  std::string str(std::size_t fixed = SIZE_MAX) { return std::string(view(fixed)); }
  std::string_view view(std::size_t fixed = SIZE_MAX) {
    std::size_t n = fixed;
    if (n == SIZE_MAX) {
      if (in.size() - at < 4) return ok = false, std::string_view();
      n = 0;
      for (int i = 0; i < 4; ++i) n |= static_cast<std::size_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
      at += 4;
    }
    if (in.size() - at < n) return ok = false, std::string_view();
    std::string_view s = in.substr(at, n);
    at += n;
    return s;
  }
};

// Where the cache of `root` lives: the git directory, else the user's cache directory.
fs::path cache_file(const fs::path& root) {
  std::error_code ec;
  const fs::path abs = fs::absolute(root, ec).lexically_normal();
  const std::string name = "cache-" + sha1_hex(abs.string()).substr(0, 16);
  const fs::path git_dir = io::temp_dir_for(abs);
  if (git_dir != abs) return git_dir / "cti" / name;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "cti" / name;
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "cti" / name;
  return {};
}

}  // namespace

FileStamp stamp_of(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 ? from_stat(st) : FileStamp{};
}

std::optional<std::string> read_stamped(const fs::path& p, FileStamp& stamp, bool follow_links) {
  ReadFailure why;
  return read_stamped(p, stamp, follow_links, why);
}

std::optional<std::string> read_stamped(const fs::path& p, FileStamp& stamp, bool follow_links, ReadFailure& why) {
  io::InputFile in = io::read_input(p, follow_links);
  stamp = in.bytes || in.not_regular ? from_stat(in.st) : FileStamp{};
  if (in.bytes && in.bytes->size() != stamp.size) {  // changed while it was read
    why = {"unreadable", std::string(i18n::tr("the file changed while it was read; run cti again",
                                              "filen blev ændret mens den blev læst; kør cti igen"))};
    return std::nullopt;
  }
  if (!in.bytes) why = {std::string(io::input_rule(in)), io::input_reason(in)};
  return std::move(in.bytes);
}

FileStamp stamp_of(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 ? from_stat(st) : FileStamp{};
}

FileStamp stamp_at(int dir_fd, const char* rel) {
  struct stat st;
  return ::fstatat(dir_fd, rel, &st, 0) == 0 ? from_stat(st) : FileStamp{};
}

std::string cache_key(std::string_view config_bytes) {
  std::string k = "cti ";
  k += CTI_VERSION;
  // The build itself: a rebuilt cti may read or check files differently.
  const FileStamp exe = stamp_of(fs::path("/proc/self/exe"));
  put_u64(k, exe.size);
  put_u64(k, static_cast<std::uint64_t>(exe.mtime_ns));
  put_u64(k, exe.inode);
  k += i18n::lang() == Lang::da ? "\nda\n" : "\nen\n";
  for (const auto& rule : rule_registry()) {
    k += rule.name;
    k += rule.severity == Severity::error ? "=e\n" : "=w\n";
  }
  k += git_blob_id(config_bytes);
  return sha1_hex(k);
}

bool cache_disabled_by_environment() {
  const char* v = std::getenv("CTI_NO_CACHE");
  return v && *v && std::string_view(v) != "0";
}

CaseCache CaseCache::open(const fs::path& root, std::string key) {
  CaseCache c;
  c.file_ = cache_file(root);
  if (c.file_.empty()) return c;
  c.enabled_ = true;
  c.key_ = std::move(key);  // hex; written as 20 raw bytes, so no digit run reaches the file
  c.opened_ns_ = now_ns();
  io::MappedInput map = io::map_input(c.file_, false);
  const std::string_view bytes = map.bytes();
  if (!map || bytes.size() < kMagic.size() + 8) return c;
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  Cursor tail{bytes.substr(body.size())};
  if (tail.u64() != checksum(body) || !body.starts_with(kMagic)) return c;
  Cursor in{body, kMagic.size()};
  if (in.view() != hex_to_raw(c.key_)) return c;  // another build, cti.yaml, language or rule set
  std::uint64_t n = in.u64();
  std::vector<Entry> entries;
  entries.reserve(std::min<std::uint64_t>(n, body.size() / kMinEntry));  // n is not trusted
  for (std::uint64_t i = 0; i < n && in.ok; ++i) {
    Entry e;
    e.path = in.view();
    e.blob = in.view(20);
    e.stamp.valid = in.u64() != 0;
    e.stamp.size = in.u64();
    e.stamp.inode = in.u64();
    e.stamp.device = in.u64();
    e.stamp.mtime_ns = static_cast<std::int64_t>(in.u64());
    e.stamp.ctime_ns = static_cast<std::int64_t>(in.u64());
    e.payload = in.view();
    entries.push_back(std::move(e));
  }
  if (!in.ok || in.at != body.size()) return c;
  c.map_ = std::move(map);
  c.entries_ = std::move(entries);
  c.by_path_.reserve(c.entries_.size());
  for (std::size_t i = 0; i < c.entries_.size(); ++i) c.link(i);
  c.used_.assign(c.entries_.size(), 0);
  return c;
}

const CaseCache::Entry* CaseCache::lookup(const std::string& path, const std::string& raw_blob) const {
  auto it = by_path_.find(path);
  for (std::size_t i = it == by_path_.end() ? SIZE_MAX : it->second; i != SIZE_MAX; i = entries_[i].next)
    if (entries_[i].blob == raw_blob) return &entries_[i];
  return nullptr;
}

void CaseCache::link(std::size_t i) {
  auto [it, fresh] = by_path_.try_emplace(entries_[i].path, i);
  if (fresh) return;
  std::size_t last = it->second;  // a path has one or two entries: walking is cheap
  while (entries_[last].next != SIZE_MAX) last = entries_[last].next;
  entries_[last].next = i;
}

bool CaseCache::find_stamped(const std::string& path, const FileStamp& stamp, Forloeb& record,
                             Diagnostics& diags) const {
  if (!enabled_ || !stamp.valid) return false;
  auto it = by_path_.find(path);
  for (std::size_t i = it == by_path_.end() ? SIZE_MAX : it->second; i != SIZE_MAX; i = entries_[i].next) {
    const Entry& e = entries_[i];
    if (!e.stamp.valid || !(e.stamp == stamp)) continue;
    if (!decode_case(e.payload, record, diags)) {
      record = Forloeb();  // nothing half-decoded is left behind
      diags.clear();
      return false;
    }
    used_[i] = 1;
    return true;
  }
  return false;
}

bool CaseCache::find(const std::string& path, const std::string& blob, Forloeb& record, Diagnostics& diags) const {
  if (!enabled_) return false;
  const Entry* e = lookup(path, hex_to_raw(blob));
  if (!e || !decode_case(e->payload, record, diags)) return false;
  used_[static_cast<std::size_t>(e - entries_.data())] = 1;
  return true;
}

PreparedCase CaseCache::prepare(const std::string& path, const Forloeb& record, const Diagnostics& diags) {
  PreparedCase p;
  std::string payload = encode_case(record, diags);
  if (privacy::find_cpr_candidates(payload).empty() && privacy::find_cpr_candidates(path).empty())
    p.payload_ = std::move(payload);
  return p;
}

void CaseCache::remember(const std::string& path, const std::string& blob, const FileStamp& stamp, PreparedCase c) {
  if (!enabled_) return;
  const std::string raw = hex_to_raw(blob);
  if (raw.size() != 20) return;
  FileStamp trusted = stamp;
  trusted.valid = stamp.valid && stamp.mtime_ns < opened_ns_ - kRacyNs;
  if (const Entry* found = lookup(path, raw)) {
    auto& e = entries_[static_cast<std::size_t>(found - entries_.data())];
    used_[static_cast<std::size_t>(found - entries_.data())] = 1;
    if (trusted.valid && !(e.stamp == trusted)) {
      e.stamp = trusted;
      dirty_ = true;
    }
    return;
  }
  if (!c) return;  // held something CPR-shaped: read every time
  const std::string_view p = owned_.emplace_back(path), b = owned_.emplace_back(raw);
  entries_.push_back({p, b, trusted, owned_.emplace_back(std::move(c.payload_))});
  link(entries_.size() - 1);
  used_.push_back(1);
  dirty_ = true;
}

void CaseCache::save() {
  if (!enabled_ || !dirty_) return;
  std::size_t used = 0;
  for (char u : used_) used += u != 0;
  // Entries of other contents (the staged copy beside the work tree's) are kept while
  // they are fewer than those in use, so the cache stays at most twice the repository.
  const bool keep_unused = entries_.size() - used <= used;
  std::string out(kMagic);
  put_str(out, hex_to_raw(key_));
  put_u64(out, keep_unused ? entries_.size() : used);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (!keep_unused && !used_[i]) continue;
    const Entry& e = entries_[i];
    put_str(out, e.path);
    out += e.blob;
    put_u64(out, e.stamp.valid);
    put_u64(out, e.stamp.size);
    put_u64(out, e.stamp.inode);
    put_u64(out, e.stamp.device);
    put_u64(out, static_cast<std::uint64_t>(e.stamp.mtime_ns));
    put_u64(out, static_cast<std::uint64_t>(e.stamp.ctime_ns));
    put_str(out, e.payload);
  }
  put_u64(out, checksum(out));
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  io::place_file(file_, out, 0600, true);  // a cache that cannot be written is only slower
  dirty_ = false;
}

}  // namespace cti
