// The help text of cti itself, its global options and the options that read the same in
// every command that has them ("* NAME"); part of the one table (cli/help_text.hpp).
#include "cli/help_text.hpp"

namespace cti::cli {

std::vector<HelpText> help_texts_general() {
  return {
      {"", "cti - keeps a CTI team's forløb: phases, checklists, reports",
       "cti - holder styr på et CTI-teams forløb: faser, tjeklister, indberetninger"},
      {"--help", "Print this help and exit", "Vis denne hjælp og afslut"},
      {"--version", "Print cti's version and exit", "Vis cti's version og afslut"},
      {"-C", "Run as if started in DIR", "Kør, som om cti var startet i MAPPE"},
      {"--today", "Use DATE (YYYY-MM-DD) as today (else CTI_TODAY, else the system date)",
       "Brug DATO (ÅÅÅÅ-MM-DD) som dagen i dag (ellers CTI_TODAY, ellers systemets dato)"},
      {"--lang", "Message language (else cti.yaml sprog, else the locale)",
       "Sprog for beskeder (ellers sprog i cti.yaml, ellers systemets locale)"},
      {"--color", "Colour: auto, always or never (NO_COLOR is honoured)",
       "Farver: auto, always eller never (NO_COLOR respekteres)"},
      {"--cpr-file", "CPR key file (else CTI_CPR_FILE, else cpr.yaml beside cti.yaml)",
       "CPR-nøglefilen (ellers CTI_CPR_FILE, ellers cpr.yaml ved siden af cti.yaml)"},
      {"--no-cache", "Read every file again; neither use nor update the cache (also CTI_NO_CACHE)",
       "Læs alle filer igen; brug og opdatér ikke cachen (også CTI_NO_CACHE)"},
      // Shared by every command that has the option.
      {"* --help", "Print this help and exit", "Vis denne hjælp og afslut"},
      {"* --worker", "Only this worker's forløb (medarbejder id)", "Kun denne medarbejders forløb (medarbejder-id)"},
      {"* --all-workers", "Every worker's forløb, whatever CTI_WORKER or git config cti.worker says",
       "Alle medarbejderes forløb, uanset CTI_WORKER og git config cti.worker"},
      {"* --format", "Output: table, json or csv", "Output: table, json eller csv"},
      {"* --horizon", "Items due within DAYS days count as due soon (default 14)",
       "Punkter med frist inden for DAGE dage regnes som snart (standard 14)"},
      {"* --months", "Months to forecast (default 6)", "Måneder i prognosen (standard 6)"},
      {"* --quarter", "The quarter, YYYY-Qn (default: the last completed one)",
       "Kvartalet, ÅÅÅÅ-Qn (standard: det seneste afsluttede)"},
  };
}

}  // namespace cti::cli
