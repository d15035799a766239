// cti: the board of a CTI team's forløb, from a repository of YAML files.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace cti::cli;
  CLI::App app{"cti - keeps a CTI team's forløb: phases, checklists, reports"};
  app.name("cti");
  app.set_version_flag("--version", std::string("cti ") + CTI_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions g;
  app.add_option("-C", g.dir, "Run as if started in DIR")->option_text("DIR");
  app.add_option("--today", g.today, "Use DATE (YYYY-MM-DD) as today (else CTI_TODAY, else the system date)")
      ->option_text("DATE");
  app.add_option("--lang", g.lang, "Message language (else cti.yaml sprog, else the locale)")
      ->check(CLI::IsMember({"da", "en"}));
  app.add_option("--color", g.color, "Colour: auto, always or never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--cpr-file", g.cpr_file, "CPR key file (else CTI_CPR_FILE, else cpr.yaml beside cti.yaml)")
      ->option_text("PATH");

  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const auto& cmd : commands()) {
    CLI::App* sub = app.add_subcommand(cmd.name, cmd.description);
    runners.emplace_back(sub, cmd.setup(*sub, g));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kOk : kUsage;
  }
  for (auto& [sub, run] : runners)
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        // Commands report errors as values; this is the last line of defence.
        fmt::print(stderr, "cti: internal error in '{}'; please report it\n", sub->get_name());
        return kUsage;
      }
    }
  return kUsage;
}
