// "Did you mean": the closest candidate by edit distance over Unicode code points.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cti {

// Levenshtein distance counted in code points, so 'a' -> 'å' is one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate when it is close enough to be a likely typo
// (distance <= max(2, length/3)), else nothing.
std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" in the user's language for the suggestion above, or "" when
// there is none: the one tail of every "unknown ..." message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cti
