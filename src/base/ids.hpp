// Case ids as numbers: "K-MH-007" is the stem "K-MH-" and the number 7 written with three
// digits. One function finds the next free id of a stem over every name in use, so `cti
// new`, `cti renumber` and the add/add conflict message all name the same id.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cti {

// "K-MH-007" -> {"K-MH-", "007"}; nothing when the id does not end in (at most 15) digits.
std::optional<std::pair<std::string, std::string>> split_id(const std::string& id);

// The next free id of `stem` among `names` (ids or file stems, anything else is ignored):
// the highest number in use + 1, with as many digits as the widest in use, at least
// `min_width`.
std::string next_free_id(const std::vector<std::string>& names, const std::string& stem, std::size_t min_width);

}  // namespace cti
