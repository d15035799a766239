// What every command shares: the global options, finding the repository, "today",
// the output language and colour, and printing errors.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "base/date.hpp"
#include "check/check.hpp"

namespace cti::cli {

enum ExitCode { kOk = 0, kFindings = 1, kUsage = 2 };

struct GlobalOptions {
  std::string dir;             // -C DIR
  std::string today;           // --today DATE
  std::string lang;            // --lang da|en
  std::string color = "auto";  // --color auto|always|never
  std::string cpr_file;        // --cpr-file PATH
  bool no_cache = false;       // --no-cache (or CTI_NO_CACHE): read every file, keep nothing
};

// A command's runner, returned by its setup function and called after parsing.
using Runner = std::function<int()>;

// Prints "cti: error: <message>" (or the Danish form) on stderr; returns kUsage.
int setup_error(const std::string& message);
void print_note(const std::string& message);

// --today, else CTI_TODAY, else the local date (TZ honoured). Nothing (and an error printed) when invalid.
std::optional<Date> resolve_today(const GlobalOptions& g);

// The working directory given by -C, or the current one.
std::filesystem::path start_dir(const GlobalOptions& g);

// The repository root (directory with cti.yaml) at or above the start directory;
// also settles the output language (--lang, else cti.yaml sprog, else locale).
std::optional<std::filesystem::path> find_root(const GlobalOptions& g);

// The language from --lang or the locale, before any repository is known.
void settle_language(const GlobalOptions& g, const std::optional<std::filesystem::path>& root);

// The checked repository (find_root + check_repo), printing any setup error. Every
// command that reads forløb gets them here, loaded and run through every rule.
struct OpenOptions {
  Snapshot snapshot = Snapshot::worktree;
  bool scan_tracked = false;   // also scan every other tracked file for CPR numbers
  bool key_retention = false;  // also warn [cpr-retention] about key file lines due for deletion
};

// A command's checked repository, kept until the process ends: a command runs once and
// exits, and freeing ten thousand records one allocation at a time costs as much as
// rendering them (SPEC 10), so the memory goes back to the system with the process. It
// stays reachable (a leak checker sees nothing lost); a process that opened many would
// keep them all, and none does.
class OpenRepo {
 public:
  OpenRepo() = default;
  explicit OpenRepo(CheckedRepo&& r);
  explicit operator bool() const { return repo_ != nullptr; }
  CheckedRepo& operator*() const { return *repo_; }
  CheckedRepo* operator->() const { return repo_; }

 private:
  CheckedRepo* repo_ = nullptr;
};
OpenRepo open_checked(const GlobalOptions& g, Date today, OpenOptions o = {});

// The CPR key file: --cpr-file, else CTI_CPR_FILE, else cpr.yaml beside cti.yaml.
std::filesystem::path cpr_file_path(const GlobalOptions& g, const std::filesystem::path& root);

// Colour on `stream`: --color always/never, NO_COLOR, else whether it is a terminal.
bool use_color(const GlobalOptions& g, std::FILE* stream);

// Adds --worker with its alias --medarbejder.
CLI::Option* add_worker_option(CLI::App& app, std::string& target);

// Writes text to stdout through the output gate (io::out(), which masks anything
// CPR-shaped); false when the write failed.
bool write_stdout(const std::string& text);

// write_stdout for a command's output: when the write fails, prints "cannot write to
// standard output" and returns false.
bool print_output(const std::string& text);

// The value of a date option (YYYY-MM-DD); when invalid, prints "<option> must be a date
// YYYY-MM-DD, not '...'" and returns nothing.
std::optional<Date> parse_date_option(const std::string& text, std::string_view option);

}  // namespace cti::cli

namespace cti::cli {

// The width a table on stdout must fit: COLUMNS when it is a positive number, else the
// terminal's width when stdout is a terminal (TIOCGWINSZ), else 0: a pipe or a file
// gets the full width.
std::size_t output_width();

}  // namespace cti::cli

namespace cti::cli {

// A repository-relative path ("forloeb/K-0013.yaml") as messages name it: relative to the
// directory cti was started in (not -C), as git does, so "cti validate FILE" and
// "$EDITOR $(cti new)" work as printed ("K-0013.yaml" inside forloeb/). A path that would
// climb to the filesystem root is given in full.
std::string display_path(const std::filesystem::path& root, std::string_view repo_relative);

// "no forløb 'X' in forloeb/" with what helps next: the closest id, else how to list
// or create forløb. `id` is what the user typed; a CPR number in it is masked.
std::string no_such_forloeb(const CheckedRepo& repo, std::string_view id);

}  // namespace cti::cli
