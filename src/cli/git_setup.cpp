// The hooks and the merge driver of a clone: where they live, whether they are there.
#include "cli/git_setup.hpp"

#include <fmt/format.h>

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

std::optional<std::string> git_config(const fs::path& root, const std::string& key) {
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
  // One git run for both settings: the driver, and cti.hookNotice=false (a scratch clone
  // that never pushes may say it does not want the notice).
  auto config = run_process({"git", "config", "--get-regexp", "^(merge\\.cti\\.driver|cti\\.hooknotice)$"}, root);
  const bool driver = config.out.find("merge.cti.driver ") != std::string::npos;
  if ((hooks && driver) || config.out.find("cti.hooknotice false") != std::string::npos) return std::nullopt;
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
