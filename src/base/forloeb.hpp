// One forløb: one borger's course through the method, as written in forloeb/ID.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/checklist.hpp"
#include "base/date.hpp"
#include "base/source.hpp"

namespace cti {

enum class EndStatus { completed, interrupted, handed_over };  // gennemført, afbrudt, overdraget

std::string_view end_status_name(EndStatus s);  // the Danish word used in files
std::optional<EndStatus> parse_end_status(std::string_view s);

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
  Field<Date> offered;  // tilbudt
  Field<bool> wanted;   // ønsket: ja|nej
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
};

}  // namespace cti
