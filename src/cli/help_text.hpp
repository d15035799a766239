// The --help text of every command and every option, in English and Danish: the one
// table, as the rule registry is for diagnostics. Setup code (cli/<command>.cpp) adds
// commands and options without text; apply_help() gives each its text from here in the
// output language, so `cti --help` and `cti X --help` follow --lang, cti.yaml sprog and
// the locale. A command or option with no entry has no help; the unit test
// (tests/unit/test_cli_help.cpp) fails then, and its goldens show every command's help.
//
// Keys: "" is cti itself; "agenda" a command; "hook install" a command of a command;
// "agenda --days" an option by its first long name (else its short one), "done ITEM" a
// positional by its name; "--today" a global option. "* --worker" is the text of an
// option that reads the same in every command that has it; a command's own entry wins.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cti::cli {

struct HelpText {
  std::string_view key;
  std::string_view en;
  std::string_view da;
};

// Every entry, in the order of the parts below (cti itself and the shared options, the
// reading commands, the recording commands, the commands for the remaining fields, the team and set-up commands).
const std::vector<HelpText>& help_texts();
std::vector<HelpText> help_texts_general();
std::vector<HelpText> help_texts_reading();
std::vector<HelpText> help_texts_recording();
std::vector<HelpText> help_texts_fields();
std::vector<HelpText> help_texts_team();

// The entry for `key` exactly, or nullptr.
const HelpText* find_help(std::string_view key);

// The key of a command (its path: "" for cti, "hook install") and of one of its options.
std::string command_key(const CLI::App& app);
std::string option_key(const CLI::App& app, const CLI::Option& o);

// The entry an option's help comes from: its own key, else "* NAME"; nullptr if none.
const HelpText* option_help(const CLI::App& app, const CLI::Option& o);

// Gives `root`, every command under it and every option its help text in the output
// language (i18n::lang()), and the help page's own words (Usage, Options, ...) with it.
void apply_help(CLI::App& root);

}  // namespace cti::cli
