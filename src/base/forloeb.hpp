// One forløb: one borger's course through the method, as written in forloeb/ID.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/checklist.hpp"
#include "base/date.hpp"
#include "base/source.hpp"

namespace cti {

// gennemført, afbrudt, flyttet (moved to a municipality outside the project; the older
// word `overdraget` is still read, with a [deprecated-status] warning).
enum class EndStatus { completed, interrupted, moved };

std::string_view end_status_name(EndStatus s);  // the Danish word used in files
std::optional<EndStatus> parse_end_status(std::string_view s);
inline constexpr std::string_view kOldMovedWord = "overdraget";

// The values of the contact log, the areas and the roles (SPEC section 2). The loader
// keeps what is written; rules/ reports values outside these lists with a suggestion.
inline constexpr std::string_view kContactWith[] = {"borger", "netværk", "myndighed", "andet"};
inline constexpr std::string_view kContactPlaces[] = {"hjemme", "lokalsamfund", "kontor", "telefon", "video", "andet"};
inline constexpr std::string_view kContactStatuses[] = {"holdt", "aflyst", "udeblevet"};
inline constexpr std::string_view kAreas[] = {
    "bolig", "økonomi", "psykisk-helbred", "fysisk-helbred", "netværk", "daglige-aktiviteter", "uddannelse-og-arbejde"};
inline constexpr std::string_view kRoles[] = {"sagsbehandler", "bostøtte", "støttekontakt", "netværk", "andet"};
inline constexpr std::string_view kPeerForms[] = {"en-til-en", "gruppe"};
// The method's sizes of the plans: 1-3 focus areas per phase, a long-term plan of 2-3 goals.
inline constexpr std::size_t kFocusAreasMax = 3;
inline constexpr std::size_t kPlanGoalsMin = 2;
inline constexpr std::size_t kPlanGoalsMax = 3;

struct ChecklistMark {
  std::string item;
  std::optional<Date> done;  // empty when "ikke relevant"
  bool not_relevant = false;
  Pos pos;
};

struct DocMark {
  DocPoint point;
  Date date;
  Pos pos;
};

struct PeerSupport {
  Field<Date> offered;      // tilbudt
  Field<bool> wanted;       // ønsket: ja|nej
  Field<Date> matched;      // tilknyttet: a peer supporter is matched
  Field<std::string> form;  // en-til-en | gruppe
};

// One entry of the contact log (kontakter): dates and kinds only, never content.
struct Contact {
  Field<Date> date;           // dato
  Field<std::string> with;    // med: borger (default) | netværk | myndighed | andet
  Field<std::string> place;   // sted: hjemme | lokalsamfund | kontor | telefon | video | andet
  Field<std::string> status;  // status: holdt (default) | aflyst | udeblevet
  Pos pos;                    // of the entry
  bool held() const { return !status || *status == "holdt"; }
  bool with_borger() const { return !with || *with == "borger"; }
};

// The focus areas of one phase of the phase plan (fokusområder.faseN).
struct FocusAreas {
  int phase = 1;  // 1, 2 or 3
  std::vector<Field<std::string>> areas;
  Pos pos;  // of the phase key
};

// One goal of the long-term plan (mål), by area only.
struct Goal {
  Field<std::string> area;  // område
  Field<Date> reached;      // nået
  Pos pos;
};

struct Ending {
  Field<Date> date;         // dato
  Field<EndStatus> status;  // status
  std::string reason;       // årsag
};

struct Forloeb {
  std::string file;  // path relative to the repository root
  std::string stem;  // file name without .yaml
  Field<std::string> id;
  Field<std::string> worker;             // medarbejder
  Field<std::string> subgroup;           // delmålgruppe
  Field<Date> contact;                   // kontakt
  Field<Date> start;                     // opstart
  Field<Date> move_in;                   // indflytning
  std::vector<ChecklistMark> checklist;  // tjekliste
  std::vector<DocMark> documentation;    // dokumentation
  std::optional<PeerSupport> peer;       // peer_støtte
  std::vector<Contact> contacts;         // kontakter, in file order
  bool has_contact_log = false;          // the kontakter key is written (even as an empty list)
  std::vector<FocusAreas> focus;         // fokusområder, one entry per phase written
  std::vector<Goal> goals;               // mål
  Pos goals_pos;                         // of the mål key
  Field<std::string> anchored_role;      // ansvar_forankret_hos
  std::optional<Ending> ending;          // afslutning (complete only when date and status are valid)
  std::string notes;                     // noter
  // The verdict of the checked repository (check/): every diagnostic about this file,
  // sorted. A forløb with errors is still shown, marked with its first error.
  Diagnostics diagnostics;
  bool dates_unreadable = false;  // set by the loader: no document, or kontakt/opstart unreadable

  const ChecklistMark* mark(std::string_view item) const;
  std::optional<Date> documented(DocPoint p) const;
  // The id, or the file name when the id is missing (how reports name a forløb).
  const std::string& display_id() const { return id ? *id : stem; }
  std::optional<Date> end_date() const;
  bool has_errors() const { return first_error() != nullptr; }
  const Diagnostic* first_error() const;
  // The plan can be computed: the file was read and kontakt and opstart, where written,
  // are real dates (show refuses only a forløb whose dates cannot be read).
  bool dates_readable() const { return !dates_unreadable; }
  std::optional<EndStatus> end_status() const;
  // The focus areas written for phase 1-3 (nothing when the phase has no entry).
  const FocusAreas* focus_of(int phase) const;
  // Whether a view of `worker` (empty: everyone) shows this forløb: it is theirs, or it
  // has errors and might be theirs: no readable medarbejder, a near miss of the id (case,
  // one letter in 3-5, two in longer ids), or a medarbejder cti.yaml does not know (SPEC 9: never hidden).
  bool in_view_of(std::string_view worker) const;
};

}  // namespace cti
