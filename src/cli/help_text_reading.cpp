// The help text of the commands that read the repository and show or write what it
// says (status, agenda, show, validate, report, caseload, calendar, board, fidelity);
// part of the one table (cli/help_text.hpp).
#include "cli/help_text.hpp"

namespace cti::cli {

std::vector<HelpText> help_texts_reading() {
  return {
      {"status", "The morning board: phase, next point, overdue and due-soon items",
       "Morgentavlen: fase, næste punkt, overskredne og snarlige punkter"},
      {"status --all", "Include ended (afsluttet) forløb", "Medtag afsluttede forløb"},
      {"status --format", "Output: table, json (stable, see cti-status(1)) or csv",
       "Output: table, json (stabilt, se cti-status(1)) eller csv"},
      {"status --check", "Exit 1 when any listed forløb has an overdue item (or a file has errors)",
       "Afslut med 1, når et viste forløb har et overskredet punkt (eller en fil har fejl)"},

      {"agenda", "Every open obligation per worker: overdue first, then due soon",
       "Alt, der skal gøres, pr. medarbejder: det overskredne først, så det snarlige"},
      {"agenda --days", "Also list what falls due within DAYS days (default 14)",
       "Vis også det, der forfalder inden for DAGE dage (standard 14)"},
      {"agenda --format", "Output: table or json (stable, see cti-agenda(1))",
       "Output: table eller json (stabilt, se cti-agenda(1))"},

      {"show", "One forløb's timeline: points, checklist items, documentation",
       "Ét forløbs tidslinje: punkter, tjeklistepunkter, dokumentation"},
      {"show ID", "The forløb: its id (K-0007), its file, or its number (7)",
       "Forløbet: dets id (K-0007), dets fil eller dets nummer (7)"},

      {"validate", "Check case files and settings; all findings in one pass",
       "Tjek forløbsfiler og indstillinger; alle fund på én gang"},
      {"validate --staged", "Check the content in the git index (what is being committed)",
       "Tjek indholdet i gits indeks (det, der er ved at blive committet)"},
      {"validate --strict", "Warnings fail too (exit 1)", "Advarsler fejler også (afslut med 1)"},
      {"validate --format", "Output: text or json", "Output: text eller json"},
      {"validate --list-rules", "List every rule with its severity and meaning",
       "Vis alle regler med deres alvor og betydning"},
      {"validate files", "Only report these files (all files are still loaded)",
       "Vis kun fund i disse filer (alle filer indlæses stadig)"},

      {"report", "The quarterly indberetning: --quarter [YYYY-Qn] -o FILE",
       "Kvartalets indberetning: --quarter [ÅÅÅÅ-Qn] -o FIL"},
      {"report --quarter", "The quarterly indberetning for YYYY-Qn (default: the last completed quarter)",
       "Indberetningen for kvartalet ÅÅÅÅ-Qn (standard: det seneste afsluttede kvartal)"},
      {"report --format", "Output: csv (Excel, Danish) or json", "Output: csv (Excel, dansk) eller json"},
      {"report --pseudonym", "Case ids instead of CPR numbers (may go to standard output)",
       "Forløbs-id'er i stedet for CPR-numre (må skrives til standard output)"},
      {"report --output", "Write the report to FILE (mode 0600; required for CPR numbers)",
       "Skriv indberetningen til FIL (tilstand 0600; påkrævet for CPR-numre)"},

      {"caseload", "Each worker's caseload, capacity and a monthly forecast",
       "Hver medarbejders sagsantal, kapacitet og en prognose måned for måned"},
      {"caseload --format", "Output: table, json or csv", "Output: table, json eller csv"},

      {"report --force", "Replace FILE if it exists", "Erstat FIL, hvis den findes"},

      {"calendar", "Deadlines as iCalendar (RFC 5545) all-day events",
       "Frister som iCalendar-heldagsbegivenheder (RFC 5545)"},
      {"calendar --output", "Write the calendar to FILE (replaced atomically); default stdout",
       "Skriv kalenderen til FIL (erstattes atomisk); standard: standard output"},
      {"calendar --alarm", "Add a reminder DAYS days before each event (0-365)",
       "Tilføj en påmindelse DAGE dage før hver begivenhed (0-365)"},

      {"board", "The team board as one self-contained HTML page: timeline and caseload",
       "Teamets tavle som én selvstændig HTML-side: tidslinje og sagsantal"},
      {"board --output", "Write the board to FILE.html ('-': standard output)",
       "Skriv tavlen til FIL.html ('-': standard output)"},
      {"board --months", "Months ahead on the timeline and in the caseload forecast (default 6)",
       "Måneder frem på tidslinjen og i prognosen for sagsantal (standard 6)"},

      {"board --force", "Replace FILE if it exists", "Erstat FIL, hvis den findes"},

      {"fidelity", "Fidelity to the method: transitions, documentation, handover, length",
       "Metodetroskab: faseskift, dokumentation, overdragelse, længde"},
      {"fidelity --from", "First day of the period (default: no limit)",
       "Periodens første dag (standard: ingen grænse)"},
      {"fidelity --to", "Last day of the period (default and latest: today)",
       "Periodens sidste dag (standard og senest: i dag)"},
  };
}

}  // namespace cti::cli
