#include "cli/commands.hpp"

namespace cti::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"init", setup_init},
      {"new", setup_new},
      {"schemas", setup_schemas},
      {"status", setup_status},
      {"agenda", setup_agenda},
      {"show", setup_show},
      {"validate", setup_validate},
      {"report", setup_report},
      {"caseload", setup_caseload},
      {"calendar", setup_calendar},
      {"board", setup_board},
      {"fidelity", setup_fidelity},
      {"done", setup_done},
      {"doc", setup_doc},
      {"start", setup_start},
      {"end", setup_end},
      {"contact", setup_contact},
      {"plan", setup_plan},
      {"goal", setup_goal},
      {"peer", setup_peer},
      {"assign", setup_assign},
      {"set", setup_set},
      {"undo", setup_undo},
      {"renumber", setup_renumber},
      {"sync", setup_sync},
      {"key", setup_key},
      {"hook", setup_hook},
      {"completion", setup_completion},
      {"merge-driver", setup_merge_driver},  // hidden: git's merge driver for forloeb/** (cti hook install)
      {"__complete", setup_complete},        // hidden: the repository's ids for the completion scripts
  };
  return table;
}

}  // namespace cti::cli
