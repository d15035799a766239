#include "load/tracked_scan.hpp"

#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti {

namespace {

bool binary(const std::string& bytes) {
  return bytes.find('\0', 0) < std::min<std::size_t>(bytes.size(), 8000);
}

// UTF-16 text (a Notepad "Unicode" export) is decoded and scanned, not skipped as binary.
void scan(const SourceFile& f, Diagnostics& out, const CprAllowlist& allow) {
  if (!binary(f.bytes) || decode_utf16(f.bytes)) scan_for_cpr(f, out, allow);
}

}  // namespace

void scan_tracked_files(const LoadedRepo& repo, const git::IndexListing& listing, const std::string& cpr_file,
                        Diagnostics& out) {
  const CprAllowlist allow = make_allowlist(repo.project);
  // cti.yaml and the case files are scanned when loaded; the key file has its own rule.
  auto scanned = [&](const std::string& path) {
    return path != kConfigFile && path != cpr_file && !is_case_path(path);
  };
  if (repo.snapshot == Snapshot::index) {
    for (const auto& f : repo.other_staged)
      if (scanned(f.path)) scan(f, out, allow);
    return;
  }
  for (const auto& e : listing) {
    if (e.stage != 0 || !e.regular_file() || !scanned(e.path)) continue;
    std::error_code ec;
    if (fs::symlink_status(repo.root / e.path, ec).type() != fs::file_type::regular) continue;  // deleted, or a link
    if (auto bytes = read_text_file(repo.root / e.path)) scan(SourceFile{e.path, std::move(*bytes)}, out, allow);
  }
}

}  // namespace cti
