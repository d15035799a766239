// Every command of cti, one setup function each (cli/<command>.cpp). A setup function
// adds the command's options to its subcommand and returns the runner main calls.
#pragma once

#include "cli/common.hpp"

namespace cti::cli {

Runner setup_init(CLI::App& app, const GlobalOptions& g);
Runner setup_schemas(CLI::App& app, const GlobalOptions& g);
Runner setup_new(CLI::App& app, const GlobalOptions& g);
Runner setup_validate(CLI::App& app, const GlobalOptions& g);
Runner setup_hook(CLI::App& app, const GlobalOptions& g);
Runner setup_status(CLI::App& app, const GlobalOptions& g);
Runner setup_agenda(CLI::App& app, const GlobalOptions& g);
Runner setup_show(CLI::App& app, const GlobalOptions& g);
Runner setup_report(CLI::App& app, const GlobalOptions& g);
Runner setup_caseload(CLI::App& app, const GlobalOptions& g);
Runner setup_calendar(CLI::App& app, const GlobalOptions& g);
Runner setup_board(CLI::App& app, const GlobalOptions& g);
Runner setup_fidelity(CLI::App& app, const GlobalOptions& g);
// Recording commands (cli/record.hpp): done, doc, start, end, contact.
Runner setup_done(CLI::App& app, const GlobalOptions& g);
Runner setup_doc(CLI::App& app, const GlobalOptions& g);
Runner setup_start(CLI::App& app, const GlobalOptions& g);
Runner setup_end(CLI::App& app, const GlobalOptions& g);
Runner setup_contact(CLI::App& app, const GlobalOptions& g);
// More recording commands: the method's own records, the worker, single values, undo.
Runner setup_plan(CLI::App& app, const GlobalOptions& g);
Runner setup_goal(CLI::App& app, const GlobalOptions& g);
Runner setup_peer(CLI::App& app, const GlobalOptions& g);
Runner setup_assign(CLI::App& app, const GlobalOptions& g);
Runner setup_set(CLI::App& app, const GlobalOptions& g);
Runner setup_undo(CLI::App& app, const GlobalOptions& g);
Runner setup_renumber(CLI::App& app, const GlobalOptions& g);
Runner setup_key(CLI::App& app, const GlobalOptions& g);
Runner setup_sync(CLI::App& app, const GlobalOptions& g);
Runner setup_merge_driver(CLI::App& app, const GlobalOptions& g);
Runner setup_completion(CLI::App& app, const GlobalOptions& g);
Runner setup_complete(CLI::App& app, const GlobalOptions& g);

// A command: its name and its setup function. Its help text, and its options', are in
// the help table (cli/help_text.hpp), under the command's name.
struct Command {
  const char* name;
  Runner (*setup)(CLI::App&, const GlobalOptions&);
};

// The table of commands, in the order --help lists them.
const std::vector<Command>& commands();

}  // namespace cti::cli
