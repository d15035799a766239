// The hooks and the merge driver of a clone: where they live, whether they are there.
#include "cli/git_setup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/common.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

std::string trim_end(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

namespace {

// cti.worker as the guards' git run saw it, for the command's own ask a moment later:
// one git run fewer on every command that reads a repository. Written on the guards'
// thread, read on the command's; `known` says whether it was asked at all.
struct ReadAhead {
  std::mutex lock;
  fs::path root;
  bool known = false;
  std::optional<std::string> worker;
};
ReadAhead& read_ahead() {
  static ReadAhead r;
  return r;
}

}  // namespace

std::optional<std::string> git_config(const fs::path& root, const std::string& key) {
  if (key == "cti.worker") {
    ReadAhead& r = read_ahead();
    const std::lock_guard hold(r.lock);
    if (r.known && r.root == root) return r.worker;
  }
  auto r = run_process({"git", "config", "--get", key}, root);
  if (r.exit_code != 0) return std::nullopt;
  return trim_end(r.out);
}

std::optional<fs::path> hooks_dir(const fs::path& root) {
  auto r = run_process({"git", "rev-parse", "--is-inside-work-tree", "--git-path", "hooks"}, root);
  if (r.exit_code != 0 || r.out.rfind("true\n", 0) != 0) return std::nullopt;
  fs::path dir = trim_end(r.out.substr(5));
  return dir.is_relative() ? root / dir : dir;
}

bool hook_runs_cti(const fs::path& hook) {
  std::error_code ec;
  if (!fs::is_regular_file(hook, ec)) return false;
  auto text = read_text_file(hook);
  return text &&
         (text->find(kHookMarker) != std::string::npos || text->find("validate --staged") != std::string::npos ||
          text->find("pre-commit") != std::string::npos);
}

std::optional<std::string> missing_guards_note(const fs::path& root) {
  auto dir = hooks_dir(root);
  if (!dir) return std::nullopt;
  bool hooks = true;
  for (const char* name : kClientHooks) hooks = hooks && hook_runs_cti(*dir / name);
  // One git run for the settings: the driver, cti.hookNotice=false (a scratch clone that
  // never pushes may say it does not want the notice), and cti.worker for the command.
  // -z: each "key\nvalue" ends in a NUL, keys in lower case, the last value counts.
  auto config = run_process(
      {"git", "config", "-z", "--get-regexp", "^(merge\\.cti\\.driver|cti\\.hooknotice|cti\\.worker)$"}, root);
  bool driver = false, notice_off = false;
  std::optional<std::string> worker;
  for (std::string_view rest = config.out; !rest.empty();) {
    const auto end = std::min(rest.find('\0'), rest.size());
    const std::string_view entry = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const auto nl = entry.find('\n');
    const std::string_view name = entry.substr(0, nl);
    const std::string_view value = nl == std::string_view::npos ? "" : entry.substr(nl + 1);
    if (name == "merge.cti.driver") driver = true;
    if (name == "cti.hooknotice") notice_off = value == "false";
    if (name == "cti.worker") worker = trim_end(std::string(value));
  }
  if (config.exit_code == 0 || config.exit_code == 1) {  // 1: none of them is set
    ReadAhead& r = read_ahead();
    const std::lock_guard hold(r.lock);
    r.root = root;
    r.known = true;
    r.worker = std::move(worker);
  }
  if ((hooks && driver) || notice_off) return std::nullopt;
  return std::string(hooks ? tr("note: this clone has no merge driver for forløb files, so concurrent records "
                                "conflict; run 'cti hook install'",
                                "bemærk: denne klon har ingen flettedriver til forløbsfiler, så samtidige "
                                "registreringer giver konflikter; kør 'cti hook install'")
                           : tr("note: this clone has no cti hooks, so commits and merges are not checked for "
                                "errors and CPR numbers; run 'cti hook install'",
                                "bemærk: denne klon har ikke cti's hooks, så commits og merges tjekkes ikke for "
                                "fejl og CPR-numre; kør 'cti hook install'"));
}

void print_guards_note(const std::optional<std::string>& note) {
  static bool said = false;
  if (!note || said) return;
  said = true;
  print_note(*note);
}

}  // namespace cti::cli
