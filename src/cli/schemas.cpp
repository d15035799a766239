// cti schemas [--check]: copies the JSON schemas built into cti into the case repository's
// schemas/ folder (refreshing them after an upgrade), or with --check lists stale copies.
// cti init writes them too, and cti new puts back any that are missing.
#include "cli/schemas.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

std::string schema_dir_from(const fs::path& repo_relative_dir) {
  fs::path up;
  for (const auto& part : repo_relative_dir.lexically_normal())
    if (!part.empty() && part != ".") up /= "..";
  return (up / kSchemaDir).generic_string();
}

std::vector<std::string> stale_schemas(const fs::path& root) {
  std::vector<std::string> stale;
  for (const auto& s : embedded_schemas()) {
    auto text = read_text_file(root / kSchemaDir / s.name);
    if (!text || *text != s.text) stale.emplace_back(s.name);
  }
  return stale;
}

SchemaWrite write_schemas(const fs::path& root, bool refresh) {
  SchemaWrite result;
  fs::path dir = root / kSchemaDir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    result.error = fmt::format(fmt::runtime(tr("cannot create {}: {}", "kan ikke oprette {}: {}")),
                               std::string(kSchemaDir), ec.message());
    return result;
  }
  for (const auto& name : stale_schemas(root)) {
    fs::path path = dir / name;
    bool exists = fs::exists(path, ec);
    if (exists && !refresh) continue;
    std::string text;
    for (const auto& s : embedded_schemas())
      if (s.name == name) text = std::string(s.text);
    auto err = exists ? replace_file(path, text) : write_new_file(path, text);
    if (err) {
      result.error = fmt::format(fmt::runtime(tr("cannot write {}/{}: {}", "kan ikke skrive {}/{}: {}")),
                                 std::string(kSchemaDir), name, *err);
      return result;
    }
    result.written.push_back(std::string(kSchemaDir) + "/" + name);
  }
  return result;
}

namespace {

struct SchemasOptions {
  bool check = false;
};

int run_schemas(const SchemasOptions& o, const GlobalOptions& g) {
  auto root = find_root(g);
  if (!root) return kUsage;
  if (o.check) {
    auto stale = stale_schemas(*root);
    for (const auto& name : stale)
      print_note(fmt::format(fmt::runtime(tr("{}/{} is missing or differs from this cti's; run 'cti schemas'",
                                             "{}/{} mangler eller afviger fra denne cti's; kør 'cti schemas'")),
                             std::string(kSchemaDir), name));
    return stale.empty() ? kOk : kFindings;
  }
  auto w = write_schemas(*root, true);
  if (w.error) return setup_error(*w.error);
  for (const auto& name : w.written) write_stdout(display_path(*root, name) + "\n");
  if (w.written.empty())
    print_note(fmt::format(fmt::runtime(tr("{}/ is up to date", "{}/ er opdateret")), std::string(kSchemaDir)));
  return kOk;
}

}  // namespace

Runner setup_schemas(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<SchemasOptions>();
  app.add_flag("--check", o->check);
  return [o, &g] { return run_schemas(*o, g); };
}

}  // namespace cti::cli
