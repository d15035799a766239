// cti hook install [--force]: a git pre-commit hook running `cti validate --staged`.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/commands.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

constexpr std::string_view kMarker = "# installed by: cti hook install";

struct HookOptions {
  bool force = false;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string hook_script(const std::string& repo_rel, const std::string& exe) {
  return fmt::format(R"(#!/bin/sh
{0}
# Refuses a commit whose staged files break a validation rule or hold a possible
# CPR number. Runs the cti that installed it, else the cti on PATH.
# Bypass once (never for a CPR number): git commit --no-verify
cti_bin={1}
[ -x "$cti_bin" ] || cti_bin=cti
exec "$cti_bin" -C "$(git rev-parse --show-toplevel)/"{2} validate --staged
)",
                     kMarker, shell_quote(exe), shell_quote(repo_rel));
}

int run_install(const HookOptions& o, const GlobalOptions& g) {
  auto root = find_root(g);
  if (!root) return kUsage;
  auto top = run_process({"git", "rev-parse", "--show-toplevel"}, *root);
  auto hooks = run_process({"git", "rev-parse", "--git-path", "hooks"}, *root);
  if (top.exit_code != 0 || hooks.exit_code != 0)
    return setup_error(
        std::string(tr("not a git repository; run 'git init' first", "ikke et git-repository; kør 'git init' først")));
  fs::path top_dir = trim(top.out);
  fs::path hooks_dir = fs::path(trim(hooks.out));
  if (hooks_dir.is_relative()) hooks_dir = *root / hooks_dir;
  std::error_code ec;
  fs::create_directories(hooks_dir, ec);
  fs::path hook = hooks_dir / "pre-commit";
  std::string rel = fs::weakly_canonical(*root).lexically_relative(fs::weakly_canonical(top_dir)).generic_string();
  if (rel == ".") rel = "";
  std::string exe = fs::read_symlink("/proc/self/exe", ec).string();

  // Anything at the hook path is foreign unless it is a regular file cti wrote: a link
  // (dangling or not), an unreadable file, a directory.
  const auto st = fs::symlink_status(hook, ec);
  const bool present = fs::exists(st) || fs::is_symlink(st);
  std::optional<std::string> existing = fs::is_regular_file(st) ? read_text_file(hook) : std::nullopt;
  const bool ours = existing && existing->find(kMarker) != std::string::npos;
  if (present && !ours && !o.force)
    return setup_error(
        fmt::format(fmt::runtime(tr("{} exists and was not written by cti; keep it, or replace it with --force",
                                    "{} findes og er ikke skrevet af cti; behold den, eller erstat den med --force")),
                    hook.string()));
  if (present && !ours) {
    // --force: the foreign hook is moved aside as it is (a link stays a link), nothing lost.
    fs::path backup = hook;
    backup += ".before-cti";
    for (int n = 1; fs::exists(fs::symlink_status(backup, ec)) || fs::is_symlink(fs::symlink_status(backup, ec)); ++n)
      backup = fs::path(hook.string() + ".before-cti." + std::to_string(n));
    if (link(hook.c_str(), backup.c_str()) != 0 && rename(hook.c_str(), backup.c_str()) != 0)
      return setup_error(fmt::format(fmt::runtime(tr("cannot keep the old hook as {}; nothing was changed",
                                                     "kan ikke gemme den gamle hook som {}; intet er ændret")),
                                     backup.string()));
    print_note(
        fmt::format(fmt::runtime(tr("the old hook is kept as {}", "den gamle hook er gemt som {}")), backup.string()));
  }
  if (auto err = replace_file(hook, hook_script(rel, exe), 0755)) return setup_error(*err);
  print_note(fmt::format(fmt::runtime(tr("installed {}: each commit now runs 'cti validate --staged'",
                                         "installerede {}: hvert commit kører nu 'cti validate --staged'")),
                         hook.string()));
  return kOk;
}

}  // namespace

Runner setup_hook(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<HookOptions>();
  app.require_subcommand(1);
  CLI::App* install = app.add_subcommand("install", "Write .git/hooks/pre-commit (never replaces a foreign hook)");
  install->add_flag("--force", o->force, "Replace a pre-commit hook that cti did not write");
  return [o, &g, install] { return install->parsed() ? run_install(*o, g) : kUsage; };
}

}  // namespace cti::cli
