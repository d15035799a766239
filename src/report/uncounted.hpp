// What a view could not count (SPEC 2: nothing under forloeb/ is silently ignored, no
// command silently leaves a forløb out). uncounted() decides it once for every view
// (status, caseload, fidelity, calendar, board); each renderer says it with the
// functions below, so every view names the same files with the same count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/forloeb.hpp"
#include "base/json.hpp"
#include "check/check.hpp"

namespace cti::report {

// An entry of the forloeb/ tree that is not read as a forløb (K-0010.yml, a dangling
// link, an unreadable folder): its first error.
struct NotRead {
  std::string file;  // relative to the repository root
  std::string rule;
};

struct Uncounted {
  int forloeb_with_errors = 0;          // forløb files in the view with errors: counted, rows marked
  std::vector<std::string> unreadable;  // forløb files in the view whose dates cannot be read
  std::vector<NotRead> not_read;        // every entry of forloeb/ not read (whatever --worker says)
  std::vector<std::string> others;      // other files with errors (cti.yaml): named, not counted
  // The files under forloeb/ with errors: JSON "invalid" of every view.
  int invalid() const { return forloeb_with_errors + static_cast<int>(not_read.size()); }
  bool empty() const { return invalid() == 0 && unreadable.empty() && others.empty(); }
};

// The forløb of `worker` (empty: all) and every entry of the forloeb/ tree the loader
// could not read as a forløb, from the forløb and the repository's diagnostics.
Uncounted uncounted(const std::vector<Forloeb>& forloeb, const Diagnostics& repo_diagnostics, std::string_view worker);
Uncounted uncounted(const CheckedRepo& repo, std::string_view worker);

// How a view shows a forløb whose dates cannot be read: as a marked row (status, board),
// or not at all, so it is named (caseload, fidelity, calendar).
enum class Shown { rows, figures };

// One sentence per thing not counted, in the user's language, files as given (the CLI
// passes them through display_path first). The stderr notes, the board's notes and the
// calendar's X-CTI-NOT-COUNTED lines are these sentences.
std::vector<std::string> uncounted_sentences(const Uncounted& u, Shown shown);

// The JSON keys every view writes: "invalid" (files under forloeb/ with errors),
// "unreadable" (forløb files whose dates cannot be read) and "not_read" (entries of
// forloeb/ not read as forløb, each {"file", "rule"}).
void write_uncounted_json(JsonWriter& j, const Uncounted& u);

}  // namespace cti::report
