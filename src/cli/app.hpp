// cti's command line as CLI11 sees it: the global options, one subcommand per entry of
// the command table (cli/commands.hpp), and every help text from the help table
// (cli/help_text.hpp) in the output language. main() parses with it; the help goldens
// (tests/unit/test_cli_help.cpp) read the same app.
#pragma once

#include <utility>
#include <vector>

#include "cli/common.hpp"

namespace cti::cli {

// Sets `app` up as cti, its options writing into `g`; returns each command's runner. The
// output language must be settled first (the help texts are given in it).
std::vector<std::pair<CLI::App*, Runner>> build_app(CLI::App& app, GlobalOptions& g);

}  // namespace cti::cli
