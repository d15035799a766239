// cti's command line: global options, the command table's subcommands, the help texts.
#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/help_text.hpp"

namespace cti::cli {

std::vector<std::pair<CLI::App*, Runner>> build_app(CLI::App& app, GlobalOptions& g) {
  app.name("cti");
  app.set_version_flag("--version", std::string("cti ") + CTI_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("-C", g.dir)->option_text("DIR");
  app.add_option("--today", g.today)->option_text("DATE");
  app.add_option("--lang", g.lang)->check(CLI::IsMember({"da", "en"}));
  app.add_option("--color", g.color)->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--cpr-file", g.cpr_file)->option_text("PATH");
  app.add_flag("--no-cache", g.no_cache);

  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const auto& cmd : commands()) {
    CLI::App* sub = app.add_subcommand(cmd.name);
    runners.emplace_back(sub, cmd.setup(*sub, g));
  }
  apply_help(app);
  return runners;
}

}  // namespace cti::cli
