// What the walk of the forloeb/ tree says of an entry it does not read as a case file: a
// misnamed case file, an entry it cannot look at, any other file, link or special file.
// Each is named with a diagnostic, never left out (SPEC 2). Used by load_repo for the
// work tree and for the git index alike.
#pragma once

#include <string>

#include "base/source.hpp"

namespace cti {

// A file in the forloeb/ tree that looks meant as a case file but will not be read (K-0005.yml).
bool is_misnamed_case(const std::string& rel);
void report_misnamed(const std::string& rel, Diagnostics& out);

// The rule of an entry the walk cannot look at: [path-too-long] or [unreadable].
std::string walk_rule(int error);
// An entry of the forloeb/ tree the walk cannot look at (a path past the system's
// limit, no permission): named with the reason, never left out (SPEC 5).
void report_unwalkable(const std::string& rel, int error, Diagnostics& out);

// Any other entry in the forloeb/ tree: named, never silently ignored (SPEC 2).
enum class Stray { file, broken_link, dir_link, special };
void report_stray(const std::string& rel, Stray kind, Diagnostics& out);

}  // namespace cti
