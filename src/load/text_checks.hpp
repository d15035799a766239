// Checks on a file's raw bytes before it is parsed as YAML.
#pragma once

#include <optional>

#include "base/source.hpp"
#include "load/source_file.hpp"

namespace cti {

inline constexpr std::size_t kMaxFileBytes = 1024 * 1024;  // a forløb file is a few KB

// Reports file-too-large, encoding (binary or not UTF-8) and merge-conflict.
// Returns false when the file must not be handed to the YAML parser.
bool check_text(const SourceFile& f, Diagnostics& out);

// Where a tab sits in the indentation of line `line` (1-based), if it does. Used to
// explain a YAML syntax error on that line as [tab-indent]; a tab elsewhere (inside
// a block scalar's text, in a flow list) is legal YAML and not reported.
std::optional<Pos> indent_tab(const std::string& bytes, int line);

// Line and column (1-based, byte column) of a byte offset.
Pos pos_at(const std::string& bytes, std::size_t offset);

}  // namespace cti
