// cti undo ID: take back the last recording of a forløb (from the undo journal,
// cli/undo_journal.cpp) while it is not pushed: the file gets back the bytes it had, and a
// commit that --commit made (still the last commit, holding only that file) goes too. A
// recording already in a remote-tracking branch is shared: cti prints the git command
// that reverts it and changes nothing.
#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "base/sha1.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"
#include "edit/recheck.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

ProcessResult git(const CheckedRepo& repo, const std::vector<std::string>& args, const std::string& input = {}) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv, repo.root, input);
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
  return r;
}

std::string short_sha(const std::string& sha) {
  return sha.substr(0, 7);
}

// What the recording said, without its "K-0007: ".
std::string what_of(const CaseFile& c, const UndoEntry& e) {
  const std::string prefix = c.id() + ": ";
  return e.line.rfind(prefix, 0) == 0 ? e.line.substr(prefix.size()) : e.line;
}

// No journal entry: say so, and name the last commit of the file when git has one.
int nothing_to_undo(const CaseFile& c) {
  std::string msg(
      tr("cti keeps no recording of this forløb to take back (cti undo knows the recordings made in "
         "this clone, the last one first)",
         "cti har ingen registrering af dette forløb at fortryde (cti undo kender de registreringer, "
         "der er lavet i denne klon, den sidste først)"));
  ProcessResult last = git(c.repo, {"log", "-1", "--format=%H %s", "--", c.forloeb().file});
  if (last.exit_code == 0 && last.out.size() > 41)
    msg += fmt::format(fmt::runtime(tr("; the last commit that changed the file is {} ({}): git revert {} takes it "
                                       "back",
                                       "; den sidste commit der ændrede filen er {} ({}): git revert {} tager den "
                                       "tilbage")),
                       short_sha(last.out), last.out.substr(41), short_sha(last.out));
  return refuse(c, msg);
}

// The commit holding the recording when it is committed (HEAD's copy of the file is the
// bytes it wrote), else empty.
std::string recording_commit(const CaseFile& c, const UndoEntry& e) {
  const std::string& file = c.forloeb().file;
  ProcessResult head = git(c.repo, {"rev-parse", "-q", "--verify", "HEAD:./" + file});
  ProcessResult after = git(c.repo, {"hash-object", "--stdin", "--path=" + file}, c.bytes);
  if (head.exit_code != 0 || after.exit_code != 0 || head.out != after.out) return {};
  if (!e.commit.empty() && git(c.repo, {"merge-base", "--is-ancestor", e.commit, "HEAD"}).exit_code == 0 &&
      git(c.repo, {"rev-parse", "-q", "--verify", e.commit + ":./" + file}).out == after.out)
    return e.commit;
  ProcessResult last = git(c.repo, {"log", "-1", "--format=%H", "--", file});
  return last.exit_code == 0 ? last.out : std::string();
}

// The index entry of the file, when it holds the recorded bytes, gets the old bytes too
// (so a following git commit does not commit what was taken back).
void unstage(const CaseFile& c, const UndoEntry& e) {
  const std::string& file = c.forloeb().file;
  ProcessResult staged = git(c.repo, {"ls-files", "-s", "--", file});
  ProcessResult after = git(c.repo, {"hash-object", "--stdin", "--path=" + file}, c.bytes);
  if (staged.exit_code != 0 || after.exit_code != 0 || staged.out.size() < 48) return;
  const std::string mode = staged.out.substr(0, 6), sha = staged.out.substr(7, 40);
  if (sha != after.out) return;
  ProcessResult before = git(c.repo, {"hash-object", "-w", "--stdin", "--path=" + file}, e.before);
  if (before.exit_code == 0) git(c.repo, {"update-index", "--cacheinfo", mode + "," + before.out + "," + file});
}

// Puts the old bytes back (only over the bytes read); an error text on failure.
std::optional<std::string> put_back(const CaseFile& c, const std::string& expected, const std::string& bytes) {
  const fs::path path = c.repo.root / c.forloeb().file;
  std::error_code ec;
  const auto perms = fs::status(path, ec).permissions();
  const unsigned mode = ec ? 0644u : static_cast<unsigned>(perms) & 07777u;
  const io::ReplaceResult r = io::replace_if_unchanged(path, expected, bytes, mode);
  if (r.status == io::Replaced::changed)
    return std::string(tr("another program changed the file meanwhile; run the command again",
                          "et andet program ændrede filen imens; kør kommandoen igen"));
  if (r.status == io::Replaced::failed) return r.error;
  return std::nullopt;
}

int run_undo(const RecordOptions& o, const GlobalOptions& g) {
  auto c = open_case(o, g);
  if (!c) return kUsage;
  if (!journal_dir(c->repo))
    return refuse(*c, std::string(tr("cti undo needs a git repository: the recordings it can take back are kept in "
                                     ".git (git init)",
                                     "cti undo kræver et git-repository: de registreringer den kan fortryde, gemmes "
                                     "i .git (git init)")));
  auto e = last_recording(c->repo, c->forloeb().file);
  if (!e) return nothing_to_undo(*c);
  const std::string what = what_of(*c, *e);
  if (sha1_hex(c->bytes) != e->after_sha)
    return refuse(*c, fmt::format(fmt::runtime(tr("the file has changed since the last recording ({}); take that back "
                                                  "by hand or with git",
                                                  "filen er ændret siden den sidste registrering ({}); fortryd den i "
                                                  "hånden eller med git")),
                                  what));
  Diagnostics added = edit::added_errors(c->repo, c->forloeb(), e->before);
  if (!added.empty()) {
    added.front().file = display_path(c->repo.root, added.front().file);
    return refuse(*c, fmt::format(fmt::runtime(tr("the file would not validate without the recording ({}): {}",
                                                  "filen ville ikke validere uden registreringen ({}): {}")),
                                  what, format_diagnostic(added.front())));
  }
  const std::string commit = recording_commit(*c, *e);
  std::string said = fmt::format(fmt::runtime(tr("{}: undone: {}", "{}: fortrudt: {}")), c->id(), what);
  if (commit.empty()) {
    if (auto err = put_back(*c, c->bytes, e->before)) return refuse(*c, *err);
    unstage(*c, *e);
    forget_recording(*e);
    return print_output(said + "\n") ? kOk : kUsage;
  }
  const std::string file = display_path(c->repo.root, c->forloeb().file);
  if (!git(c->repo, {"for-each-ref", "--contains", commit, "--format=%(refname:short)", "refs/remotes"}).out.empty())
    return refuse(*c, fmt::format(fmt::runtime(tr("the recording ({}) is pushed, in commit {}; take it back with a new "
                                                  "commit: git revert {}",
                                                  "registreringen ({}) er pushet, i commit {}; tag den tilbage med en "
                                                  "ny commit: git revert {}")),
                                  what, short_sha(commit), short_sha(commit)));
  // The commit can go only when it is the last one and holds exactly this recording.
  const std::string head = head_commit(c->repo);
  ProcessResult files = git(c->repo, {"diff-tree", "--no-commit-id", "--name-only", "-r", "--root", commit});
  const bool alone = files.exit_code == 0 && files.out.find('\n') == std::string::npos;
  ProcessResult parent = git(c->repo, {"rev-parse", "-q", "--verify", commit + "^:./" + c->forloeb().file});
  ProcessResult before = git(c->repo, {"hash-object", "--stdin", "--path=" + c->forloeb().file}, e->before);
  const bool exact = alone && parent.exit_code == 0 && before.exit_code == 0 && parent.out == before.out;
  if (commit != head || !exact) {
    // Not pushed, but other work shares the commit or follows it: the file gets its old
    // bytes as a change of the work tree, to commit like any other.
    if (auto err = put_back(*c, c->bytes, e->before)) return refuse(*c, *err);
    forget_recording(*e);
    said += fmt::format(fmt::runtime(tr(" (commit {} still holds it: commit this change)",
                                        " (commit {} rummer den stadig: commit denne ændring)")),
                        short_sha(commit));
    return print_output(said + "\n") ? kOk : kUsage;
  }
  if (auto err = put_back(*c, c->bytes, e->before)) return refuse(*c, *err);
  ProcessResult reset = git(c->repo, {"reset", "-q", "--soft", "HEAD~1"});
  if (reset.exit_code == 0) git(c->repo, {"reset", "-q", "--", c->forloeb().file});
  if (reset.exit_code != 0) {
    put_back(*c, e->before, c->bytes);
    return refuse(*c, privacy::redact(reset.err.empty() ? "git reset" : reset.err.substr(0, reset.err.find('\n'))));
  }
  forget_recording(*e);
  said +=
      fmt::format(fmt::runtime(tr(" (commit {} removed; {} is as before it)", " (commit {} fjernet; {} er som før)")),
                  short_sha(commit), file);
  return print_output(said + "\n") ? kOk : kUsage;
}

}  // namespace

Runner setup_undo(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<RecordOptions>();
  app.add_option("ID", o->id)->required();
  return [o, &g] { return run_undo(*o, g); };
}

}  // namespace cti::cli
