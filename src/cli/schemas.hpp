// The JSON schemas built into cti (schemas/*.schema.json, embedded at build time), and
// their copies in a case repository's schemas/ folder, which the yaml-language-server
// lines of cti.yaml and the forløb files point at by a relative path.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cti::cli {

struct EmbeddedSchema {
  std::string_view name;  // e.g. forloeb.schema.json
  std::string_view text;
};

// Generated from schemas/*.schema.json (cmake/EmbedSchemas.cmake).
const std::vector<EmbeddedSchema>& embedded_schemas();

// The folder in a case repository that holds the copies.
inline constexpr std::string_view kSchemaDir = "schemas";

// The schema folder as seen from a file at `repo_relative_dir` (a folder relative to the
// repository root; "" for the root, "forloeb" for the case files): "schemas", "../schemas".
std::string schema_dir_from(const std::filesystem::path& repo_relative_dir);

// Writes the built-in schemas into ROOT/schemas/: every file that is missing, and with
// `refresh` every file whose text differs. Returns the names written, or an error.
struct SchemaWrite {
  std::vector<std::string> written;
  std::optional<std::string> error;
};
SchemaWrite write_schemas(const std::filesystem::path& root, bool refresh);

// The names of the schema copies in ROOT/schemas/ that are missing or differ from cti's own.
std::vector<std::string> stale_schemas(const std::filesystem::path& root);

}  // namespace cti::cli
