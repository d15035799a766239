#include "cli/commands.hpp"

namespace cti::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"init", "Create a case repository: cti.yaml, forloeb/, .gitignore", setup_init},
      {"new", "Create the next forløb file from a commented template", setup_new},
      {"schemas", "Copy or refresh the JSON schemas in schemas/ (for editors): [--check]", setup_schemas},
      {"status", "The morning board: phase, next point, overdue and due-soon items", setup_status},
      {"agenda", "Every open obligation per worker: overdue first, then due soon", setup_agenda},
      {"show", "One forløb's timeline: points, checklist items, documentation", setup_show},
      {"validate", "Check case files and settings; all findings in one pass", setup_validate},
      {"report", "The quarterly indberetning: --quarter [YYYY-Qn] -o FILE", setup_report},
      {"caseload", "Each worker's caseload, capacity and a monthly forecast", setup_caseload},
      {"calendar", "Deadlines as iCalendar (RFC 5545) all-day events", setup_calendar},
      {"board", "The team board as one self-contained HTML page: timeline and caseload", setup_board},
      {"fidelity", "Fidelity to the method: transitions, documentation, handover, length", setup_fidelity},
      {"done", "Record checklist items as done (or --not-relevant): ID ITEM...", setup_done},
      {"doc", "Record a documentation form: ID opstart|fase2|fase3|afslutning", setup_doc},
      {"start", "Record opstart (the contact period ends): ID", setup_start},
      {"end", "Record the afslutning: ID --status gennemført|afbrudt|flyttet", setup_end},
      {"contact", "Add a contact to the forløb's log: ID [--with W] [--where P]", setup_contact},
      {"plan", "Set one phase's focus areas (1-3): ID fase1|fase2|fase3 AREA...", setup_plan},
      {"goal", "A goal of the long-term plan: ID AREA [--reached DATE] [--remove]", setup_goal},
      {"peer", "Record a peer-support step: ID offered|wanted|declined|matched [--form F]", setup_peer},
      {"assign", "Move a forløb to another worker: ID WORKER", setup_assign},
      {"set", "Set indflytning, kontakt or the anchored role: ID FIELD VALUE", setup_set},
      {"undo", "Take back the last recording of a forløb while it is not pushed: ID", setup_undo},
      {"renumber", "Give a forløb not yet pushed another id, its key-file line with it: OLD [NEW]", setup_renumber},
      {"sync", "Fetch, merge (or --rebase), validate and push: the daily round trip with the server", setup_sync},
      {"key", "The CPR key file in a team: add ID (read without echo), check [--quarter Q]", setup_key},
      {"hook", "Install the git hooks and the merge driver; --server for the shared bare repository", setup_hook},
      {"completion", "Print the shell completion script for bash, zsh or fish", setup_completion},
      {"merge-driver", "", setup_merge_driver},  // hidden: git's merge driver for forloeb/** (cti hook install)
      {"__complete", "", setup_complete},        // hidden: the repository's ids for the completion scripts
  };
  return table;
}

}  // namespace cti::cli
