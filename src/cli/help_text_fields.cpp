// The help text of the commands that record the method's remaining fields and take a
// recording back (plan, goal, peer, assign, set, undo); part of the one table
// (cli/help_text.hpp). ID, --date, --force and --commit are the recording commands'
// shared entries (cli/help_text_recording.cpp).
#include "cli/help_text.hpp"

namespace cti::cli {

std::vector<HelpText> help_texts_fields() {
  return {
      {"plan", "Set one phase's focus areas (1-3): ID fase1|fase2|fase3 AREA...",
       "Sæt en fases fokusområder (1-3): ID fase1|fase2|fase3 OMRÅDE..."},
      {"plan PHASE", "The phase: fase1, fase2 or fase3 (or 1, 2, 3)",
       "Fasen: fase1, fase2 eller fase3 (eller 1, 2, 3)"},
      {"plan AREA", "1-3 focus areas (bolig, økonomi, psykisk-helbred, netværk, ...)",
       "1-3 fokusområder (bolig, økonomi, psykisk-helbred, netværk, ...)"},

      {"goal", "A goal of the long-term plan: ID AREA [--reached DATE] [--remove]",
       "Et mål i den langsigtede plan: ID OMRÅDE [--reached DATO] [--remove]"},
      {"goal AREA", "The goal's area (bolig, økonomi, psykisk-helbred, netværk, ...)",
       "Målets område (bolig, økonomi, psykisk-helbred, netværk, ...)"},
      {"goal --reached", "The date the goal was reached (nået)", "Datoen, hvor målet blev nået"},
      {"goal --remove", "Remove the goal from the plan", "Fjern målet fra planen"},

      {"peer", "Record a peer-support step: ID offered|wanted|declined|matched [--form F]",
       "Registrér et trin i peerstøtten: ID offered|wanted|declined|matched [--form F]"},
      {"peer STEP", "offered, wanted, declined or matched (tilbudt, ønsket, afslået, tilknyttet)",
       "offered, wanted, declined eller matched (tilbudt, ønsket, afslået, tilknyttet)"},
      {"peer --form", "The form of peer support: en-til-en or gruppe", "Peerstøttens form: en-til-en eller gruppe"},

      {"assign", "Move a forløb to another worker: ID WORKER",
       "Flyt et forløb til en anden medarbejder: ID MEDARBEJDER"},
      {"assign WORKER", "The worker who takes the forløb over (an id of cti.yaml medarbejdere)",
       "Medarbejderen, der overtager forløbet (et id blandt medarbejdere i cti.yaml)"},

      {"set", "Set indflytning, kontakt or the anchored role: ID FIELD VALUE",
       "Sæt indflytning, kontakt eller den forankrede rolle: ID FELT VÆRDI"},
      {"set FIELD", "indflytning (move-in date), kontakt (first contact) or anchored-role",
       "indflytning (indflytningsdato), kontakt (første kontakt) eller anchored-role"},
      {"set VALUE", "A date YYYY-MM-DD, or for anchored-role the role (sagsbehandler, bostøtte, ...)",
       "En dato ÅÅÅÅ-MM-DD, eller for anchored-role rollen (sagsbehandler, bostøtte, ...)"},

      {"undo", "Take back the last recording of a forløb while it is not pushed: ID",
       "Tag den seneste registrering i et forløb tilbage, så længe den ikke er pushet: ID"},
  };
}

}  // namespace cti::cli
