#include "load/tracked_scan.hpp"

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace cti {

namespace {

bool binary(const std::string& bytes) {
  return bytes.find('\0', 0) < std::min<std::size_t>(bytes.size(), 8000);
}

void scan(const SourceFile& f, Diagnostics& out) {
  if (!binary(f.bytes)) scan_for_cpr(f, out);
}

// forloeb/NAME.yaml directly in the case folder: loaded, and scanned, as a case file.
bool case_file(const std::string& path) {
  const std::string prefix = std::string(kCaseDir) + "/";
  return path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos && path.size() > 5 &&
         path.compare(path.size() - 5, 5, ".yaml") == 0;
}

}  // namespace

void scan_tracked_files(const LoadedRepo& repo, const git::IndexListing& listing, const std::string& cpr_file,
                        Diagnostics& out) {
  std::vector<const git::IndexEntry*> others;
  for (const auto& e : listing)
    if (e.stage == 0 && e.regular_file() && e.path != kConfigFile && e.path != cpr_file && !case_file(e.path))
      others.push_back(&e);

  if (repo.snapshot == Snapshot::index) {
    for (const auto& f : repo.other_staged)
      if (f.path != cpr_file && !case_file(f.path)) scan(f, out);
    return;
  }
  for (const auto* e : others) {
    std::error_code ec;
    if (fs::symlink_status(repo.root / e->path, ec).type() != fs::file_type::regular) continue;  // deleted, or a link
    std::ifstream in(repo.root / e->path, std::ios::binary);
    if (!in) continue;
    std::ostringstream ss;
    ss << in.rdbuf();
    scan(SourceFile{e->path, std::move(ss).str()}, out);
  }
}

}  // namespace cti
