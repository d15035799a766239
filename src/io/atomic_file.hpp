// Putting a file in place whole: every file cti writes (the -o outputs, the case files of
// new and the recording commands, the repository files of init and schemas) is written
// nameless (O_TMPFILE) and given its name only when complete. A replacement needs a name
// for the instant of the rename: it is made inside the .git directory of the work tree
// when there is one (so `git add -A` never sees it), and removed on every way out,
// signals included. Where O_TMPFILE is missing, a named temporary file in the same place.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace cti::io {

enum class Placed {
  ok,
  exists,   // not replacing, and the name exists
  changed,  // the check before the rename said no (the file changed meanwhile)
  failed,   // a system call failed: `error` is its errno
};

struct PlaceResult {
  Placed status = Placed::ok;
  int error = 0;
  explicit operator bool() const { return status == Placed::ok; }
};

// Writes `bytes` (mode `mode`, whatever the umask) and names it `target` (its directory
// must exist). Without `replace`, only when no such name exists, never over anything.
// With `replace`, the file at `target` is replaced by rename (a link at `target` is
// replaced, never followed); `unchanged`, when given, runs right before the rename and
// returns false to stop it (Placed::changed).
PlaceResult place_file(const std::filesystem::path& target, const std::string& bytes, mode_t mode, bool replace,
                       const std::function<bool()>& unchanged = {});

// Where a replacement's temporary name goes for a file in `dir`: the .git directory of
// the work tree `dir` is in (found by walking up; a worktree's or submodule's "gitdir:"
// file followed), else `dir` itself.
std::filesystem::path temp_dir_for(const std::filesystem::path& dir);

}  // namespace cti::io
