// The safe writer: every file cti writes with -o (report, calendar, board) goes through
// write_output (SPEC section 6, DESIGN section 4). It never writes over a case file,
// cti.yaml, the key file, anything in a .git directory or a git-tracked file; never
// replaces or writes through a symbolic link; for CPR output never anywhere in a git
// work tree that git does not ignore (nor in a case repository that is not one); and
// the file appears complete or not at all, even if cti is killed while writing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace cti::io {

enum class Sensitivity {
  plain,  // mode 0644
  cpr,    // holds CPR numbers: mode 0600 whatever the umask, never where git would pick it up
};

struct OutputTarget {
  std::string given;                // the path as the user typed it (messages name it so)
  std::filesystem::path start;      // the directory cti was started in (not -C)
  std::filesystem::path repo_root;  // the case repository
  std::filesystem::path key_file;   // the CPR key file
  Sensitivity sensitivity = Sensitivity::plain;
  bool replace = false;  // may replace an existing file (that is none of the above)
};

// Where `t` would be written: the absolute path, or the reason it may not be (a message
// in the user's language naming t.given). Run before the content is made, e.g. before
// the report reads a single CPR number; write_output checks again.
std::variant<std::filesystem::path, std::string> check_output(const OutputTarget& t);

// Checks, then writes `bytes` to the target: with O_TMPFILE + linkat, so no name exists
// until the file is complete; where O_TMPFILE is not available, a temporary file that is
// removed on every way out, signals included. Returns an error message, or nothing.
std::optional<std::string> write_output(const OutputTarget& t, const std::string& bytes);

}  // namespace cti::io
