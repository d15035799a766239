// The CPR key file (cpr.yaml: case id -> CPR number), the one place CPR numbers live.
// Every message about it names the case id and the position, never the number.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "base/cpr.hpp"
#include "base/source.hpp"

namespace cti::privacy {

struct KeyEntry {
  Cpr cpr;
  Pos pos;  // of the id (the key)
};

struct KeyFile {
  std::string file;                       // name used in diagnostics, e.g. "cpr.yaml"
  std::map<std::string, KeyEntry> by_id;  // the entries with a valid CPR
  std::set<std::string> rejected;         // ids present but unusable (already diagnosed)
  Diagnostics diagnostics;                // rules cpr-syntax, cpr-format, cpr-duplicate-id, cpr-invalid, cpr-duplicate
};

// Parses the key file's bytes. `file` is the name diagnostics use. Never echoes a value:
// not even the YAML parser's message is passed on beyond its fixed part.
KeyFile parse_key_file(const std::string& bytes, const std::string& file);

// Reads and parses the key file; an error text (naming the path only) when it cannot be read.
std::variant<KeyFile, std::string> read_key_file(const std::filesystem::path& path, const std::string& file);

// Cross-checks against the repository: every id in `needed` (the forløb in the report) must
// have a CPR [cpr-missing]; every id in the key file must be a forløb in `known` [cpr-unknown-id].
void check_keys(const KeyFile& keys, const std::vector<std::string>& needed, const std::set<std::string>& known,
                Diagnostics& out);

}  // namespace cti::privacy
