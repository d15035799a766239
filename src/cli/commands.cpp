#include "cli/commands.hpp"

namespace cti::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"init", "Create a case repository: cti.yaml, forloeb/, .gitignore", setup_init},
      {"new", "Create the next forløb file from a commented template", setup_new},
      {"status", "The morning board: phase, next point, overdue and due-soon items", setup_status},
      {"show", "One forløb's timeline: points, checklist items, documentation", setup_show},
      {"validate", "Check case files and settings; all findings in one pass", setup_validate},
      {"report", "The quarterly indberetning: --quarter [YYYY-Qn] -o FILE", setup_report},
      {"caseload", "Each worker's caseload, capacity and a monthly forecast", setup_caseload},
      {"calendar", "Deadlines as iCalendar (RFC 5545) all-day events", setup_calendar},
      {"fidelity", "Fidelity to the method: transitions, documentation, handover, length", setup_fidelity},
      {"hook", "Install the git pre-commit hook (cti validate --staged)", setup_hook},
      {"completion", "Print the shell completion script for bash, zsh or fish", setup_completion},
      {"__complete", "", setup_complete},  // hidden: the repository's ids for the completion scripts
  };
  return table;
}

}  // namespace cti::cli
