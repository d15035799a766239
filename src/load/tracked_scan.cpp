#include "load/tracked_scan.hpp"

#include <fstream>
#include <sstream>

#include "load/git.hpp"

namespace fs = std::filesystem;

namespace cti {

namespace {

bool binary(const std::string& bytes) {
  return bytes.find('\0', 0) < std::min<std::size_t>(bytes.size(), 8000);
}

std::vector<std::string> pathspecs(const std::string& cpr_file) {
  std::vector<std::string> specs = {".", ":(exclude,literal)" + std::string(kConfigFile),
                                    ":(exclude,glob)" + std::string(kCaseDir) + "/*.yaml"};
  if (!cpr_file.empty()) specs.push_back(":(exclude,literal)" + cpr_file);
  return specs;
}

void scan(const SourceFile& f, Diagnostics& out) {
  if (!binary(f.bytes)) scan_for_cpr(f, out);
}

}  // namespace

void scan_tracked_files(const LoadedRepo& repo, const std::string& cpr_file, Diagnostics& out) {
  if (!git::inside_work_tree(repo.root)) return;
  if (repo.snapshot == Snapshot::index) {
    auto index = git::read_index(repo.root, pathspecs(cpr_file));
    if (!index) return;
    for (const auto& f : index->files) scan(f, out);
    return;
  }
  for (const auto& path : git::tracked(repo.root, pathspecs(cpr_file))) {
    std::error_code ec;
    if (fs::symlink_status(repo.root / path, ec).type() != fs::file_type::regular) continue;  // deleted, or a link
    std::ifstream in(repo.root / path, std::ios::binary);
    if (!in) continue;
    std::ostringstream ss;
    ss << in.rdbuf();
    scan(SourceFile{path, std::move(ss).str()}, out);
  }
}

}  // namespace cti
