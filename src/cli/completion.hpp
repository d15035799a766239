// Shell completion: the command table as read from CLI11 (commands, options, option
// values) and the bash, zsh and fish scripts generated from it. Values that live in the
// repository (worker ids, case ids, checklist item ids, delmålgrupper) are completed at
// completion time by `cti [-C DIR] __complete workers|ids|items|subgroups|areas|roles`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace cti::cli {

// What a value is completed from.
enum class ValueKind {
  none,       // free text (a date, a number): nothing offered
  values,     // a fixed list (CLI::IsMember)
  workers,    // medarbejder ids of cti.yaml
  ids,        // case ids of the forløb files
  items,      // checklist item ids (built-in and cti.yaml's tjeklister)
  subgroups,  // delmålgrupper of cti.yaml
  areas,      // areas of the method and cti.yaml områder (plan, goal)
  roles,      // roles of the method and cti.yaml roller (set ID anchored-role VALUE)
  file,
  dir,
};
const char* kind_name(ValueKind k);  // "workers", ...: the argument of __complete

struct CompletionOption {
  std::vector<std::string> names;  // "-o", "--output", ...
  std::string help;
  bool takes_value = false;  // a value always follows (not a flag, not an optional value)
  ValueKind kind = ValueKind::none;
  std::vector<std::string> values;  // for ValueKind::values
};

struct CompletionPositional {
  std::string name;  // ID, ITEM, FILE...
  ValueKind kind = ValueKind::none;
  std::vector<std::string> values;
  bool repeats = false;  // takes every remaining word
};

struct CompletionCommand {
  std::string name;  // empty for cti itself
  std::string path;  // "hook install"; empty for cti itself
  std::string help;
  std::vector<CompletionOption> options;  // its own, without the global ones
  std::vector<CompletionPositional> positionals;
  std::vector<CompletionCommand> subcommands;  // hidden ones (__complete) left out
};

struct CompletionModel {
  CompletionCommand root;                 // options: the global options (valid after any command)
  std::vector<CompletionOption> globals;  // root.options without --help and --version
};

// Walks the CLI11 app: every visible subcommand, its options (help included) and positionals.
// The value kind comes from CLI::IsMember, else from the option's name or value text:
// --worker/--medarbejder or WORKER -> workers, ID -> ids, ITEM -> items,
// --subgroup/--delmaalgruppe -> subgroups, AREA -> areas, ROLE -> roles, FILE/PATH -> file, DIR -> dir.
CompletionModel completion_model(const CLI::App& app);

// For the script generators: a word in POSIX single quotes (bash, zsh), and words
// joined by spaces.
std::string shell_quote(std::string_view s);
std::string join_words(const std::vector<std::string>& words);

// Every command path below `c` (c first), depth first.
std::vector<const CompletionCommand*> all_commands(const CompletionCommand& c);

std::string bash_completion(const CompletionModel& m);
std::string zsh_completion(const CompletionModel& m);
std::string fish_completion(const CompletionModel& m);

}  // namespace cti::cli
