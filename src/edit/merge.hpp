// The merge of two versions of a forløb file as records (git's merge driver, SPEC 9):
// starting from ours, every record theirs added since the base is applied with the byte
// edits of the recording commands (contacts in date order, an identical one once;
// checklist items, documentation points, opstart, afslutning recorded or changed on their
// side only), so every byte of ours is kept. A value both sides changed differently stays
// a conflict: git's markers around the two lines, under a `# cti:` comment naming both
// values and the command that settles it. Anything else the records do not cover (other
// keys changed, a file that does not open) is left to git's line merge, which never drops
// a line either. Nothing here throws.
#pragma once

#include <optional>
#include <string>

namespace cti::edit {

struct MergeOutcome {
  std::string bytes;  // the merged file (with markers when !clean)
  bool clean = true;  // false: a conflict is left in bytes
};

// The record merge; nothing when it cannot be done safely as records (the caller then
// uses a line merge). `id` names the forløb in the conflict comment.
std::optional<MergeOutcome> merge_records(const std::string& base, const std::string& ours, const std::string& theirs);

}  // namespace cti::edit
