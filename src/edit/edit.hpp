// Surgical edits of a forløb file for the recording commands (done, doc, start, end,
// contact, plan, goal, peer, assign, set). Each takes the file's bytes and returns new bytes that differ only in the
// lines the edit names: comments, blank lines, quoting, key order, indentation, the line ending (CRLF stays CRLF) and a
// UTF-8 BOM are kept. yaml-cpp only finds the positions; YAML is never re-emitted. A layout the byte editor cannot
// place safely is refused with a text saying what to do by hand. Errors are values; nothing throws.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/checklist.hpp"
#include "base/date.hpp"

namespace cti::edit {

// One value an edit changed: its key (afslutning's "status"), the value it had ("" when
// it was not written) and the value it has now.
struct ValueChange {
  std::string key, old, now;
};

struct Edited {
  std::string bytes;                      // the new file content (equal to the input when !changed)
  bool changed = true;                    // false: the value was already recorded (a no-op)
  std::string previous;                   // the value replaced (with force), else empty
  std::vector<ValueChange> changes = {};  // set_ending: every value written that differs
};

struct Refused {
  std::string message;  // translated; says what to do instead
};

using Result = std::variant<Edited, Refused>;

// The value a checklist item takes for "not relevant".
inline constexpr const char* kNotRelevant = "ikke relevant";

// tjekliste: `item` -> `value` (a date or kNotRelevant). `order` is the checklist order
// (item ids); a new line goes after the last item before it in that order.
Result set_checklist_item(const std::string& bytes, const std::string& item, const std::string& value,
                          const std::vector<std::string>& order, bool force);

// dokumentation: `point` -> date, points in schedule order.
Result set_documentation(const std::string& bytes, DocPoint point, Date date, bool force);

// id: the forløb's id, written as `id` (cti renumber; the old value is in `previous`).
Result set_id(const std::string& bytes, const std::string& id);

// opstart: date.
Result set_start(const std::string& bytes, Date date, bool force);

// afslutning: dato, status and (when given) årsag. Any of them already there with another
// value needs force; an årsag not given is left as it is. Edited::changes names each value
// that changed, old and new (the old årsag as the file reads it, unquoted).
struct EndingEdit {
  Date date;
  std::string status;
  std::optional<std::string> reason;
};
Result set_ending(const std::string& bytes, const EndingEdit& e, bool force);

// kontakter: appends `- {dato: D, med: W, sted: P}` (status only when not holdt; sted only
// when given) after the last contact on or before D. The same contact already in the log is
// a no-op unless forced.
struct Contact {
  Date date;
  std::string with = "borger";  // med
  std::string where;            // sted ("" = not written)
  std::string status = "holdt";
};
Result add_contact(const std::string& bytes, const Contact& c, bool force);

// One `key: value` at the top level (`block` empty: medarbejder, kontakt, indflytning,
// ansvar_forankret_hos) or in the top-level block `block` (peer_støtte), in the
// template's key order when new (edit/fields.cpp). A different value needs force.
Result set_field(const std::string& bytes, const std::string& block, const std::string& key, const std::string& value,
                 bool force);

// fokusområder.faseN: [a, b] (phase 1-3), written as a flow list on one line.
Result set_focus_areas(const std::string& bytes, int phase, const std::vector<std::string>& areas, bool force);

// The long-term plan's goals (mål), one per area (edit/goals.cpp). A goal is added at the
// end of the list as `- {område: A}` (with `nået: D` when reached is given); an existing
// goal gets its nået set (a different date needs force); remove deletes its entry.
struct GoalEdit {
  std::string area;
  std::optional<Date> reached;
  bool remove = false;
};
Result edit_goal(const std::string& bytes, const GoalEdit& g, bool force);

// The flow entry written for a contact: {dato: D, med: W, sted: P[, status: S]}.
std::string contact_entry(const Contact& c);

// A YAML double-quoted scalar for free text.
std::string quote_text(const std::string& text);

// The top-level keys in the order the template writes them.
const std::vector<std::string>& key_order();

}  // namespace cti::edit
