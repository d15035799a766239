// The help text of the commands that set up a repository and work with the team's
// server (init, schemas, renumber, sync, key, hook, completion and the hidden ones);
// part of the one table (cli/help_text.hpp).
#include "cli/help_text.hpp"

namespace cti::cli {

std::vector<HelpText> help_texts_team() {
  return {
      {"init", "Create a case repository: cti.yaml, forloeb/, .gitignore",
       "Opret et repository til forløb: cti.yaml, forloeb/, .gitignore"},
      {"init dir", "Directory to create the repository in (default: here)",
       "Mappen, repositoriet oprettes i (standard: her)"},

      {"schemas", "Copy or refresh the JSON schemas in schemas/ (for editors): [--check]",
       "Kopiér eller opdatér JSON-skemaerne i schemas/ (til editorer): [--check]"},
      {"schemas --check", "Only report (exit 1) when schemas/ is missing a file or is out of date",
       "Meld kun (afslut med 1), når schemas/ mangler en fil eller er forældet"},

      {"renumber", "Give a forløb not yet pushed another id, its key-file line with it: OLD [NEW]",
       "Giv et forløb, der ikke er pushet endnu, et andet id, med dets linje i nøglefilen: OLD [NEW]"},
      {"renumber OLD", "The forløb to move: its id, or its number where unambiguous",
       "Forløbet, der flyttes: dets id, eller dets nummer, hvor det er entydigt"},
      {"renumber NEW", "Its new id (default: the next free id of the same kind)",
       "Dets nye id (standard: det næste ledige id af samme slags)"},

      {"sync", "Fetch, merge (or --rebase), validate and push: the daily round trip with the server",
       "Hent, flet (eller --rebase), valider og push: den daglige tur til serveren og tilbage"},
      {"sync --rebase", "Replay your commits onto the server's (default: pull.rebase)",
       "Læg dine commits oven på serverens (standard: pull.rebase)"},
      {"sync --merge", "Merge the server's commits into yours (the default)",
       "Flet serverens commits ind i dine (standard)"},
      {"sync --no-push", "Fetch, integrate and validate, but send nothing",
       "Hent, indarbejd og valider, men send intet"},

      {"key", "The CPR key file in a team: add ID (read without echo), check [--quarter Q]",
       "CPR-nøglefilen i et team: add ID (læses uden ekko), check [--quarter Q]"},
      {"key add", "Add a forløb's CPR number, read from standard input without echo: ID",
       "Tilføj et forløbs CPR-nummer, læst fra standard input uden ekko: ID"},
      {"key add ID", "The forløb: its id, or its number where unambiguous",
       "Forløbet: dets id, eller dets nummer, hvor det er entydigt"},
      {"key check", "Name the forløb of a quarter's report that lack a CPR number",
       "Nævn de forløb i et kvartals indberetning, der mangler et CPR-nummer"},

      {"hook", "Install the git hooks and the merge driver; --server for the shared bare repository",
       "Installér git-hooks og merge-driveren; --server til det fælles bare repository"},
      {"hook install",
       "Write the pre-commit and pre-merge-commit hooks and the merge driver (never replaces a foreign hook)",
       "Skriv pre-commit- og pre-merge-commit-hooks og merge-driveren (erstatter aldrig en fremmed hook)"},
      {"hook install --force", "Replace a hook that cti did not write (the old one is kept beside it)",
       "Erstat en hook, som cti ikke har skrevet (den gamle gemmes ved siden af)"},
      {"hook install --server", "In a bare repository: the pre-receive hook that refuses bad pushes",
       "I et bare repository: pre-receive-hooken, der afviser dårlige push"},
      {"hook pre-receive", "Run by the server's pre-receive hook: judge the pushed commits",
       "Køres af serverens pre-receive-hook: bedøm de pushede commits"},

      {"completion", "Print the shell completion script for bash, zsh or fish",
       "Skriv shell-fuldførelsesscriptet til bash, zsh eller fish"},
      {"completion SHELL", "The shell: bash, zsh or fish", "Skallen: bash, zsh eller fish"},

      // Hidden: run by git and by the completion scripts, not by people.
      {"merge-driver", "git's merge driver for forloeb/** (cti hook install registers it)",
       "gits merge-driver til forloeb/** (cti hook install registrerer den)"},
      {"merge-driver BASE", "The common ancestor's version (%O)", "Den fælles forfaders version (%O)"},
      {"merge-driver OURS", "Our version, replaced by the result (%A)", "Vores version, erstattes af resultatet (%A)"},
      {"merge-driver THEIRS", "Their version (%B)", "Deres version (%B)"},
      {"merge-driver PATH", "The file's path in the repository (%P)", "Filens sti i repositoriet (%P)"},
      {"__complete", "The repository's values for the completion scripts",
       "Repositoriets værdier til fuldførelsesscripterne"},
      {"__complete WHAT", "workers, ids, items or subgroups", "workers, ids, items eller subgroups"},
  };
}

}  // namespace cti::cli
