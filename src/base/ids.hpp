// Case ids as numbers: "K-MH-007" is the stem "K-MH-" and the number 7 written with three
// digits. One function finds the next free id of a stem over every name in use, so `cti
// new`, `cti renumber` and the add/add conflict message all name the same id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cti {

// "K-MH-007" -> {"K-MH-", "007"}; nothing when the id does not end in (at most 15) digits.
std::optional<std::pair<std::string, std::string>> split_id(const std::string& id);

// The next free id of `stem` among `names` (ids or file stems, anything else is ignored):
// the highest number in use + 1, with as many digits as the widest in use, at least
// `min_width`.
std::string next_free_id(const std::vector<std::string>& names, const std::string& stem, std::size_t min_width);

// The number an id ends with, without leading zeros ("K-MH-007" -> "7"; "" when none).
// `cti show 7` finds the one id that ends with that number (CheckedRepo::find).
std::string_view trailing_number(std::string_view id);

// What a user types to name an id among `ids`: its number when no other id ends with the
// same number (K-0007 -> "7"), else the whole id. The agenda's commands are written so.
// Built once for all ids (an agenda names every forløb: one pass, not one per forløb).
class TypedIds {
 public:
  explicit TypedIds(const std::vector<std::string>& ids);
  std::string typed(const std::string& id) const;

 private:
  struct Owner {
    std::string_view id;  // the first id seen with the number
    bool shared = false;  // another, different id ends with it too
  };
  std::unordered_map<std::string_view, Owner> by_number_;  // views into the caller's ids
};

// Whether an id, or the id_præfiks cti new puts before a kode and a number, holds
// anything the output gate would mask as a possible CPR number (0202801234-, 020280-1234):
// such an id would put a CPR number in a file name and in git history, and could never
// be shown. Judged by the gate's own recogniser, whatever cpr_tilladt allows.
bool id_could_hold_cpr(std::string_view id);

}  // namespace cti
