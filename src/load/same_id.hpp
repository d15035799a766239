// Two workers, one id: an add/add merge conflict on a forløb file explained.
#pragma once

#include <filesystem>
#include <optional>

#include "base/git.hpp"
#include "base/source.hpp"

namespace cti {

// For each forloeb/ID.yaml with stages 2 and 3 in the index and no stage 1 (both branches
// added it), a [merge-conflict] saying two forløb got the same id and how to renumber one.
// Looks at the index only when `out` already has a merge conflict in forloeb/ (`index`, if
// given, is the listing already read).
void explain_same_id(const std::filesystem::path& root, const std::optional<git::IndexListing>& index,
                     Diagnostics& out);

}  // namespace cti
