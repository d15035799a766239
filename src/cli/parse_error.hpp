// CLI11's parse errors in the user's language (tr): one sentence per kind of mistake.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common.hpp"

namespace cti::cli {

// The message language for a command line that did not parse: --lang, else the `sprog` of
// the cti.yaml found from -C DIR (or the working directory), else the locale; -C and --lang
// are read from `args` too, as the parser may have stopped before storing them in `g`.
void settle_parse_error_language(GlobalOptions g, const std::vector<std::string>& args);

// The sentence for a command-line mistake, without "cti: error:" and without the
// "see 'cti X --help'" tail. `extras` are the arguments the parser did not use.
std::string parse_error_text(const CLI::ParseError& e, const std::vector<std::string>& extras);

}  // namespace cti::cli
