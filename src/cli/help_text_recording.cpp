// The help text of the commands that create and record forløb (new, done, doc, start,
// end, contact); part of the one table (cli/help_text.hpp).
#include "cli/help_text.hpp"

namespace cti::cli {

std::vector<HelpText> help_texts_recording() {
  return {
      // Shared by the recording commands.
      {"* ID", "The forløb: its id (K-0007) or just its number (7)",
       "Forløbet: dets id (K-0007) eller bare dets nummer (7)"},
      {"* --date", "The date to record (default: today)", "Datoen, der registreres (standard: i dag)"},
      {"* --force", "Replace a value already recorded, or record what looks like a slip (a date over a week ahead)",
       "Erstat en allerede registreret værdi, eller registrér det, der ligner en fejl (en dato over en uge frem)"},
      {"* --commit", "git add and commit the file (refused when other changes are staged)",
       "git add og commit af filen (afvises, når andre ændringer er staged)"},

      {"new", "Create the next forløb file from a commented template",
       "Opret den næste forløbsfil ud fra en kommenteret skabelon"},
      {"new --worker", "Medarbejder of the new forløb (an id from cti.yaml)",
       "Det nye forløbs medarbejder (et id fra cti.yaml)"},
      {"new --subgroup", "Delmålgruppe (one of cti.yaml delmålgrupper)",
       "Delmålgruppe (en af delmålgrupper i cti.yaml)"},
      {"new --contact", "Date of first contact (default: today)", "Dato for første kontakt (standard: i dag)"},
      {"new --force", "Accept a --contact date more than a week ahead",
       "Accepter en --contact-dato mere end en uge frem"},
      {"new --commit", "git add and commit the new file (refused when other changes are staged)",
       "git add og commit af den nye fil (afvises, når andre ændringer er staged)"},

      {"done", "Record checklist items as done (or --not-relevant): ID ITEM...",
       "Registrér tjeklistepunkter som udført (eller --not-relevant): ID PUNKT..."},
      {"done ITEM", "Checklist item ids (kontakt-etableret, økonomi, ...)",
       "Tjeklistepunkternes id'er (kontakt-etableret, økonomi, ...)"},
      {"done --not-relevant", "Record the items as \"ikke relevant\" instead of a date",
       "Registrér punkterne som \"ikke relevant\" i stedet for en dato"},

      {"doc", "Record a documentation form: ID opstart|fase2|fase3|afslutning",
       "Registrér et dokumentationsskema: ID opstart|fase2|fase3|afslutning"},
      {"doc POINT", "The documentation point: opstart, fase2, fase3 or afslutning",
       "Dokumentationspunktet: opstart, fase2, fase3 eller afslutning"},

      {"start", "Record opstart (the contact period ends): ID", "Registrér opstart (kontaktperioden slutter): ID"},

      {"end", "Record the afslutning: ID --status gennemført|afbrudt|flyttet",
       "Registrér afslutningen: ID --status gennemført|afbrudt|flyttet"},
      {"end --status", "gennemført, afbrudt or flyttet", "gennemført, afbrudt eller flyttet"},
      {"end --reason", "Free text for årsag (never a name or a CPR number)",
       "Fritekst til årsag (aldrig et navn eller et CPR-nummer)"},

      {"contact", "Add a contact to the forløb's log: ID [--with W] [--where P]",
       "Tilføj en kontakt til forløbets log: ID [--with W] [--where P]"},
      {"contact --with", "Who: borger (default), netværk, myndighed or andet",
       "Med hvem: borger (standard), netværk, myndighed eller andet"},
      {"contact --where", "Where: hjemme, lokalsamfund, kontor, telefon, video or andet",
       "Hvor: hjemme, lokalsamfund, kontor, telefon, video eller andet"},
      {"contact --status", "holdt (default), aflyst or udeblevet", "holdt (standard), aflyst eller udeblevet"},
  };
}

}  // namespace cti::cli
