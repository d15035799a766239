// cti init [DIR]: a new case repository with a commented cti.yaml.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/schemas.hpp"
#include "cli/templates.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

struct InitOptions {
  std::string dir;
};

int run_init(const InitOptions& o, const GlobalOptions& g) {
  settle_language(g, std::nullopt);
  fs::path dir = o.dir.empty() ? start_dir(g) : start_dir(g) / o.dir;
  std::error_code ec;
  fs::path config = dir / "cti.yaml";
  // Checked before anything is created: a second run changes nothing.
  if (fs::exists(config, ec) || fs::is_symlink(config, ec))
    return setup_error(
        fmt::format(fmt::runtime(tr("{} already exists; nothing was changed", "{} findes allerede; intet er ændret")),
                    config.string()));
  fs::create_directories(dir / "forloeb", ec);
  if (ec)
    return setup_error(fmt::format(fmt::runtime(tr("cannot create {}: {}", "kan ikke oprette {}: {}")),
                                   (dir / "forloeb").string(), ec.message()));
  if (auto err = write_new_file(config, config_template(schema_dir_from("")))) return setup_error(*err);
  if (auto err = ensure_line(dir / ".gitignore", "cpr.yaml"))
    return setup_error(fmt::format(fmt::runtime(tr("cannot add 'cpr.yaml' to {} ({}); add that line yourself so the "
                                                   "key file is never committed",
                                                   "kan ikke tilføje 'cpr.yaml' til {} ({}); tilføj selv den linje, så "
                                                   "nøglefilen aldrig bliver committet")),
                                   (dir / ".gitignore").string(), *err));
  // The merge driver merges forløb files as records (cti hook install registers it).
  if (auto err = ensure_line(dir / ".gitattributes", std::string(kMergeAttribute)))
    return setup_error(fmt::format(fmt::runtime(tr("cannot add '{}' to {} ({}); add that line yourself",
                                                   "kan ikke tilføje '{}' til {} ({}); tilføj selv den linje")),
                                   kMergeAttribute, (dir / ".gitattributes").string(), *err));
  // The editors' schemas, so the $schema lines resolve offline wherever the repository is.
  if (auto w = write_schemas(dir, false); w.error) return setup_error(*w.error);
  if (!fs::exists(dir / "forloeb" / ".gitkeep", ec)) (void)write_new_file(dir / "forloeb" / ".gitkeep", "");
  print_note(
      fmt::format(fmt::runtime(tr("created {} with cti.yaml, forloeb/, schemas/, .gitignore (cpr.yaml is ignored) and "
                                  ".gitattributes; edit cti.yaml, run 'cti hook install', then 'cti new'",
                                  "oprettede {} med cti.yaml, forloeb/, schemas/, .gitignore (cpr.yaml ignoreres) og "
                                  ".gitattributes; ret cti.yaml, kør 'cti hook install' og så 'cti new'")),
                  fs::absolute(dir).lexically_normal().string()));
  return kOk;
}

}  // namespace

Runner setup_init(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<InitOptions>();
  app.add_option("dir", o->dir)->option_text("DIR");
  return [o, &g] { return run_init(*o, g); };
}

}  // namespace cti::cli
