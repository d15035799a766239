// What git knows about the repository: the index and what it tracks or ignores.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/source_file.hpp"

namespace cti::git {

bool inside_work_tree(const std::filesystem::path& dir);

// Paths (relative to dir) that git tracks under the given pathspecs.
std::vector<std::string> tracked(const std::filesystem::path& dir, const std::vector<std::string>& pathspecs);

// True when git would ignore `path` (absolute or relative to dir).
bool ignores(const std::filesystem::path& dir, const std::filesystem::path& path);

struct IndexSnapshot {
  std::vector<SourceFile> files;     // stage-0 entries with their staged content
  std::vector<std::string> unmerged; // paths with an unresolved merge conflict
};

// The staged content of every path under the pathspecs; nothing when git fails.
std::optional<IndexSnapshot> read_index(const std::filesystem::path& dir, const std::vector<std::string>& pathspecs);

}  // namespace cti::git
