// What the recording commands (done, doc, start, end, contact) share: the case id and the
// common options, opening the forløb's file, and writing an edit: checked with the same
// rules first, replaced atomically, optionally committed, one line of output.
#pragma once

#include <string>
#include <vector>

#include "cli/common.hpp"
#include "edit/edit.hpp"
#include "io/case_lock.hpp"

namespace cti::cli {

struct RecordOptions {
  std::string id;    // K-0007 or 7
  std::string date;  // --date (default today)
  bool force = false;
  bool commit = false;
  const CLI::Option* date_option = nullptr;  // set by add_record_options
  // Whether --date was given (even as an empty string, which is refused).
  bool date_given() const { return date_option && date_option->count() > 0; }
};

// Adds the ID positional and --force/--commit; --date too unless `date` is false.
void add_record_options(CLI::App& app, RecordOptions& o, bool date = true);

// One forløb opened for recording.
struct CaseFile {
  CheckedRepo repo;
  std::size_t index = 0;              // in repo.forloeb
  std::string bytes;                  // the file as it is now
  Date date;                          // --date, else today
  io::RepoLock lock;                  // held from before the repository is read until the command ends
  std::vector<std::string> warnings;  // said on stderr once the change is made (a date ahead)
  const Forloeb& forloeb() const { return repo.forloeb[index]; }
  const std::string& id() const { return forloeb().display_id(); }
};

// Locks the repository (other recordings and `new` wait), opens it, finds the forløb
// named by o.id and reads its file; prints the problem and returns nothing when that
// fails (exit code kUsage).
std::optional<CaseFile> open_case(const RecordOptions& o, const GlobalOptions& g);

// The date a recording records (SPEC 6, slips): `text` when the option was given, else
// today. An empty value is refused; a date after today is warned (into `warnings`), and
// more than 7 days after it refused without `force`. Prints the refusal and returns nothing.
// `defaults_to_today` says whether leaving the option out records today (--date,
// --contact), which the refusal of an empty value then says.
std::optional<Date> recording_date(bool given, const std::string& text, std::string_view option, Date today, bool force,
                                   std::vector<std::string>& warnings, bool defaults_to_today = true);

// "1 day" / "3 days" ("1 dag" / "3 dage").
std::string days_text(int days);

// The value a name takes from a fixed list, with a did-you-mean when it is not there;
// prints the error and returns nothing.
std::optional<std::string> pick(const std::string& given, const std::vector<std::string>& allowed,
                                std::string_view what);

// The repository lock for a command that reads the repository and then writes in it
// (the recording commands, `new`): prints the problem and returns nothing on failure.
std::optional<io::RepoLock> lock_repository(const GlobalOptions& g);

// Prints a refusal ("nothing was changed") and returns kUsage.
int refuse(const CaseFile& c, const std::string& why);

// Writes the edited bytes (when changed): refuses when they would add an error or when
// the file is no longer the one read (another program changed it), replaces the file
// atomically, commits it with --commit (message = line), prints `line` (and `hint`, which
// is not part of the commit message).
int finish(const CaseFile& c, const RecordOptions& o, const edit::Edited& e, const std::string& line,
           const std::string& hint = {});

// "K-0007: økonomi, afdækning registreret 2026-11-30" and its variants: names newly
// recorded, names whose old value was replaced (with --force), names already so.
struct Recorded {
  std::string value;   // the value written: "2026-11-30", "ikke relevant"
  std::string phrase;  // how it reads after "recorded": "2026-11-30", "as not relevant"
  std::vector<std::string> added;
  std::vector<std::pair<std::string, std::string>> replaced;  // name, old value
  std::vector<std::string> already;
  void note(const std::string& name, const edit::Edited& e);
};
std::string recorded_line(const std::string& id, const Recorded& r);

// Git for --commit (record_git.cpp): whether the commit can be made (before any edit),
// and the commit itself. Error texts, or nothing on success.
std::optional<std::string> commit_precheck(const CheckedRepo& repo, const std::string& file);
std::optional<std::string> commit_file(const CheckedRepo& repo, const std::string& file, const std::string& message);

// The commit HEAD names after a --commit (record_git.cpp); empty when git cannot say.
std::string head_commit(const CheckedRepo& repo);

// The undo journal (cli/undo_journal.cpp): each recording that changed a file keeps the
// bytes it replaced under the git directory (.git/cti/undo, never in the work tree, never
// committed), so `cti undo` can take it back; the last ones first, at most 20 a file.
// Outside git nothing is kept.
struct UndoEntry {
  std::string file;       // repository-relative, as Forloeb::file
  std::string before;     // the file's bytes before the recording
  std::string after_sha;  // sha1_hex of the bytes the recording wrote
  std::string commit;     // the commit --commit made, else empty
  std::string line;       // what the recording said ("K-0007: økonomi registreret ...")
  std::string path;       // where the entry is kept (set by last_recording)
};
// Keeps `e` (a failure is a note on stderr; the recording stands).
void journal_recording(const CheckedRepo& repo, const UndoEntry& e);
// The folder of the journal, or nothing outside git.
std::optional<std::filesystem::path> journal_dir(const CheckedRepo& repo);
// The last recording of `file` still kept, if any.
std::optional<UndoEntry> last_recording(const CheckedRepo& repo, const std::string& file);
// Forgets an entry read by last_recording (after it was taken back).
void forget_recording(const UndoEntry& e);

// Every name (without extension) under forloeb/, whatever its extension or state, every
// path the index holds there and every id read: an id is free only when no file could
// claim it (cli/new.cpp).
std::vector<std::string> names_in_use(const CheckedRepo& repo);

}  // namespace cti::cli
