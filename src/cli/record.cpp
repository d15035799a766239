// The recording commands' shared steps: the case id, opening the file, and writing an
// edit only when the result still validates.
#include "cli/record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/sha1.hpp"
#include "base/suggest.hpp"
#include "edit/recheck.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

std::optional<std::size_t> find_case(const CheckedRepo& repo, const std::string& arg) {
  auto found = repo.find(arg);
  if (found.size() == 1) return static_cast<std::size_t>(found.front() - repo.forloeb.data());
  if (found.size() > 1) {
    setup_error(fmt::format(fmt::runtime(tr("more than one file has id {}; run 'cti validate' and fix that first",
                                            "mere end én fil har id {}; kør 'cti validate' og ret det først")),
                            found.front()->display_id()));
    return std::nullopt;
  }
  setup_error(no_such_forloeb(repo, arg));
  return std::nullopt;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A test seam, as git's GIT_TEST_* variables: CTI_TEST_PAUSE_BEFORE_REPLACE_MS waits
// between reading the case file and replacing it, so a suite can change the file then.
void pause_for_tests() {
  const char* ms = std::getenv("CTI_TEST_PAUSE_BEFORE_REPLACE_MS");
  if (!ms || !*ms) return;
  char* end = nullptr;
  long n = std::strtol(ms, &end, 10);
  if (*end == '\0' && n > 0 && n <= 60000) std::this_thread::sleep_for(std::chrono::milliseconds(n));
}

}  // namespace

void add_record_options(CLI::App& app, RecordOptions& o, bool date) {
  app.add_option("ID", o.id)->required();
  if (date) o.date_option = app.add_option("--date,--dato", o.date)->option_text("DATE");
  app.add_flag("--force", o.force);
  app.add_flag("--commit", o.commit);
}

std::optional<io::RepoLock> lock_repository(const GlobalOptions& g) {
  auto root = find_root(g);
  if (!root) return std::nullopt;
  auto lock = io::RepoLock::acquire(*root);
  if (auto* err = std::get_if<std::string>(&lock)) {
    setup_error(*err + std::string(tr("; nothing was changed", "; intet er ændret")));
    return std::nullopt;
  }
  return std::move(std::get<io::RepoLock>(lock));
}

std::optional<CaseFile> open_case(const RecordOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return std::nullopt;
  auto lock = lock_repository(g);  // before anything is read: held until the file is replaced
  if (!lock) return std::nullopt;
  auto repo = open_checked(g, *today);
  if (!repo) return std::nullopt;
  CaseFile c{std::move(*repo), 0, {}, *today, std::move(*lock), {}};
  auto d = recording_date(o.date_given(), o.date, "--date", *today, o.force, c.warnings);
  if (!d) return std::nullopt;
  c.date = *d;
  auto index = find_case(c.repo, o.id);
  if (!index) return std::nullopt;
  c.index = *index;
  const fs::path path = c.repo.root / c.forloeb().file;
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    refuse(c, std::string(tr("the file is a symbolic link; record this by hand in the file it points to",
                             "filen er et symbolsk link; registrér det i hånden i filen det peger på")));
    return std::nullopt;
  }
  auto read = io::read_case_file(path);
  if (!read.bytes) {
    refuse(c, fmt::format(fmt::runtime(tr("the file cannot be read ({})", "filen kan ikke læses ({})")), read.error));
    return std::nullopt;
  }
  c.bytes = std::move(*read.bytes);
  return c;
}

std::optional<std::string> pick(const std::string& given, const std::vector<std::string>& allowed,
                                std::string_view what) {
  if (std::find(allowed.begin(), allowed.end(), given) != allowed.end()) return given;
  std::string msg = fmt::format(fmt::runtime(tr("unknown {} '{}'", "ukendt {} '{}'")), what, given);
  if (auto hint = did_you_mean(given, allowed); !hint.empty())
    msg += hint;
  else
    msg += fmt::format(fmt::runtime(tr("; choose one of: {}", "; vælg en af: {}")), join(allowed));
  setup_error(msg);
  return std::nullopt;
}

int refuse(const CaseFile& c, const std::string& why) {
  return setup_error(fmt::format(fmt::runtime(tr("{} ({}): {}; nothing was changed", "{} ({}): {}; intet er ændret")),
                                 c.id(), display_path(c.repo.root, c.forloeb().file), why));
}

int finish(const CaseFile& c, const RecordOptions& o, const edit::Edited& e, const std::string& said,
           const std::string& hint) {
  const Forloeb& f = c.forloeb();
  const std::string line = privacy::redact(said);  // an old value shown may be anything
  if (!e.changed) return print_output(line + hint + "\n") ? kOk : kUsage;
  Diagnostics added = edit::added_errors(c.repo, f, e.bytes);
  if (!added.empty()) {
    added.front().file = display_path(c.repo.root, added.front().file);
    setup_error(fmt::format(fmt::runtime(tr("{}: the file would not validate after this change, so nothing was "
                                            "changed: {}",
                                            "{}: filen ville ikke validere efter ændringen, så intet er ændret: {}")),
                            c.id(), format_diagnostic(added.front())));
    return kFindings;
  }
  if (o.commit) {
    // What the commit would hold is checked as `validate --staged` would: not one error.
    Diagnostics errors = edit::errors_after(c.repo, f, e.bytes);
    if (!errors.empty()) {
      errors.front().file = display_path(c.repo.root, errors.front().file);
      setup_error(fmt::format(fmt::runtime(tr("{}: --commit would commit a file with an error, so nothing was "
                                              "changed: {}; fix the file first, or record without --commit",
                                              "{}: --commit ville committe en fil med en fejl, så intet er ændret: "
                                              "{}; ret filen først, eller registrér uden --commit")),
                              c.id(), format_diagnostic(errors.front())));
      return kFindings;
    }
    if (auto err = commit_precheck(c.repo, f.file)) return refuse(c, *err);
  }
  const fs::path path = c.repo.root / f.file;
  std::error_code ec;
  const auto perms = fs::status(path, ec).permissions();
  const unsigned mode = ec ? 0644u : static_cast<unsigned>(perms) & 07777u;
  pause_for_tests();
  // Only over the bytes that were read: a change another program made since is kept.
  const io::ReplaceResult replaced = io::replace_if_unchanged(path, c.bytes, e.bytes, mode);
  if (replaced.status == io::Replaced::changed)
    return refuse(c, std::string(tr("another program changed the file while cti was recording; run the command again",
                                    "et andet program ændrede filen, mens cti registrerede; kør kommandoen igen")));
  if (replaced.status == io::Replaced::failed) return refuse(c, replaced.error);
  for (const auto& w : c.warnings) print_note(std::string(tr("warning: ", "advarsel: ")) + w);
  std::string out = line;
  UndoEntry undo{f.file, c.bytes, sha1_hex(e.bytes), {}, line, {}};
  if (o.commit) {
    if (auto err = commit_file(c.repo, f.file, line)) {
      journal_recording(c.repo, undo);
      return setup_error(fmt::format(fmt::runtime(tr("{} was changed, but not committed (the index is as it was): {}",
                                                     "{} er ændret, men ikke committet (indekset er som før): {}")),
                                     display_path(c.repo.root, f.file), *err));
    }
    undo.commit = head_commit(c.repo);
    out += tr(" (committed)", " (committet)");
  }
  journal_recording(c.repo, undo);
  return print_output(out + hint + "\n") ? kOk : kUsage;
}

void Recorded::note(const std::string& name, const edit::Edited& e) {
  if (!e.changed)
    already.push_back(name);
  else if (!e.previous.empty())
    replaced.emplace_back(name, e.previous);
  else
    added.push_back(name);
}

std::string recorded_line(const std::string& id, const Recorded& r) {
  std::vector<std::string> parts;
  if (!r.added.empty())
    parts.push_back(fmt::format(fmt::runtime(tr("{} recorded {}", "{} registreret {}")), join(r.added), r.phrase));
  for (const auto& [name, old] : r.replaced)
    parts.push_back(
        fmt::format(fmt::runtime(tr("{} changed from {} to {}", "{} ændret fra {} til {}")), name, old, r.value));
  if (!r.already.empty())
    parts.push_back(fmt::format(fmt::runtime(tr("{} already recorded {}", "{} er allerede registreret {}")),
                                join(r.already), r.phrase));
  std::string out = id + ": ";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

}  // namespace cti::cli
