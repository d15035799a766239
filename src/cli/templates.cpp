#include "cli/templates.hpp"

#include <fmt/format.h>

namespace cti::cli {

std::string config_template(const std::string& schema_dir) {
  return fmt::format(R"(# yaml-language-server: $schema={0}/cti.schema.json
# Indstillinger for CTI-projektet. Alle forløb ligger i forloeb/, én fil pr. forløb.
# CPR-numre skrives ALDRIG her eller i forløbsfilerne, kun i cpr.yaml (som git ignorerer).

projekt: "CTI-projekt"          # vises i rapporternes overskrift
id_præfiks: K-                  # forløbs-id'er: K-0001, K-0002, ... (cti new)
caseload_pr_årsværk: 10         # manualen: ca. 10 borgere pr. fuldtids CTI-medarbejder

delmålgrupper:                  # programmets delmålgrupper (til indberetningen)
  - egen-kommune
  - anden-kommune

medarbejdere:                   # CTI-medarbejderne; id bruges i forløbsfilerne
  - id: medarbejder1
    navn: "Navn Efternavn"
    # kode: NE                  # valgfri: 1-4 store bogstaver i de id'er cti new laver (K-NE-001);
                                # uden kode: de første fire bogstaver i id'et (K-MEDA-001)
    årsværk: 1.0                # fuldtid = 1.0, halvtid = 0.5

# indflytning_tidligst_måneder: 1   # krisecentervarianten: opstart højst 1 måned før indflytning

# tjeklister:                   # ændringer til de indbyggede tjeklister
#   tilføj:
#     fase3:
#       - id: netværksmøde
#         tekst: Netværksmøde holdt med borgeren
#   fjern: [jobcenter]

# kontaktlog:                   # højst så mange dage mellem holdte kontakter (intensitet ca. 4:2:1)
#   fase1: 7
#   fase2: 14
#   fase3: 28
# dokumentation_frist_dage: 0   # dokumentationsskemaer er rettidige så mange dage efter fristen
# kontakt_højst_dage: 60        # så mange dage i kontaktfasen, før manglende opstart flages
# områder: []                   # egne områder ud over manualens (bolig, økonomi, netværk, ...)
# roller: []                    # egne roller for ansvar_forankret_hos ud over sagsbehandler, bostøtte, ...

sprog: da                       # sprog for cti's beskeder: da eller en
)",
                     schema_dir);
}

std::string forloeb_template(const std::string& id, const std::string& worker, const std::string& subgroup,
                             Date contact, const std::string& schema_dir) {
  return fmt::format(R"(# yaml-language-server: $schema={0}/forloeb.schema.json
# Forløb {1}. Pseudonymt: ingen navne og ALDRIG CPR-numre her (de står kun i cpr.yaml).
id: {1}
medarbejder: {2}
delmålgruppe: {3}
kontakt: {4}         # første kontakt; kontaktperioden begynder

# opstart: ÅÅÅÅ-MM-DD       # fase 1 begynder (fase 2 efter 3 måneder, fase 3 efter 6, afslutning efter 9)
# indflytning: ÅÅÅÅ-MM-DD   # indflytning i egen bolig

# tjekliste:                # udførte punkter: punkt: dato, eller "ikke relevant"
#   kontakt-etableret: ÅÅÅÅ-MM-DD
#   orienteret: ÅÅÅÅ-MM-DD
#   kontaktaftale: ÅÅÅÅ-MM-DD
#   jobcenter: ikke relevant

# dokumentation:            # udfyldte skemaer: opstart, fase2, fase3, afslutning
#   opstart: ÅÅÅÅ-MM-DD

# peer_støtte:              # tilbydes i enhver fase, hvis relevant
#   tilbudt: ÅÅÅÅ-MM-DD
#   ønsket: ja              # ja eller nej
#   tilknyttet: ÅÅÅÅ-MM-DD  # peer-støtte tilknyttet (kun når ønsket: ja)
#   form: en-til-en         # en-til-en eller gruppe

# kontakter:                # kontaktlog: kun dato og art, aldrig indhold
#   - {{dato: ÅÅÅÅ-MM-DD, med: borger, sted: hjemme}}
#   # med: borger, netværk, myndighed, andet; sted: hjemme, lokalsamfund, kontor, telefon,
#   # video, andet; status: holdt (standard), aflyst, udeblevet

# fokusområder:             # faseplanen: 1-3 fokusområder pr. fase
#   fase1: [bolig, økonomi]

# mål:                      # den langsigtede plans 2-3 mål, kun område (og dato når nået)
#   - {{område: bolig}}
#   - {{område: netværk, nået: ÅÅÅÅ-MM-DD}}

# ansvar_forankret_hos: sagsbehandler   # ROLLEN (aldrig et navn) der har den langsigtede støtte

# afslutning:
#   dato: ÅÅÅÅ-MM-DD
#   status: gennemført      # gennemført, afbrudt eller flyttet (til en kommune uden for projektet)
#   årsag: ""

# noter: |
#   Fri tekst. Aldrig CPR-numre.
)",
                     schema_dir, id, worker, subgroup, format_date(contact));
}

}  // namespace cti::cli
