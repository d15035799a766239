// cti hook install [--force] [--server]: the guards of a clone (SPEC 9): the pre-commit and
// pre-merge-commit hooks running `cti validate --staged`, the merge driver for forløb files
// (git config merge.cti.* and the .gitattributes line); with --server, in the bare
// repository on the git server, the pre-receive hook (cli/hook_server.cpp).
#include <fmt/format.h>
#include <unistd.h>

#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/commands.hpp"
#include "cli/git_setup.hpp"
#include "cli/hook_install.hpp"
#include "cli/templates.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

struct HookOptions {
  bool force = false;
  bool server = false;
};

std::string client_hook(const std::string& repo_rel, const std::string& exe) {
  return fmt::format(R"(#!/bin/sh
{0}
# Refuses a commit (or a merge commit) whose staged files break a validation rule or
# hold a possible CPR number. Runs the cti that installed it, else the cti on PATH.
# Bypass once (never for a CPR number): git commit --no-verify
cti_bin={1}
[ -x "$cti_bin" ] || cti_bin=cti
exec "$cti_bin" -C "$(git rev-parse --show-toplevel)/"{2} validate --staged
)",
                     kHookMarker, shell_quote(exe), shell_quote(repo_rel));
}

int run_install(const HookOptions& o, const GlobalOptions& g) {
  std::error_code ec;
  const std::string exe = fs::read_symlink("/proc/self/exe", ec).string();
  if (o.server) return install_server_hook(start_dir(g), exe, o.force);
  auto root = find_root(g);
  if (!root) return kUsage;
  auto top = run_process({"git", "rev-parse", "--show-toplevel"}, *root);
  auto hooks = hooks_dir(*root);
  if (top.exit_code != 0 || !hooks)
    return setup_error(
        std::string(tr("not a git repository; run 'git init' first", "ikke et git-repository; kør 'git init' først")));
  fs::path top_dir = trim_end(top.out);
  std::string rel = fs::weakly_canonical(*root).lexically_relative(fs::weakly_canonical(top_dir)).generic_string();
  if (rel == ".") rel = "";
  for (const char* name : kClientHooks)
    if (int rc = install_hook(*hooks / name, client_hook(rel, exe), o.force); rc != kOk) return rc;
  // The merge driver: registered in this clone's config, named by the repository's
  // .gitattributes (written by cti init; added here for a repository made before).
  const std::string driver = shell_quote(exe.empty() ? std::string("cti") : exe) + " merge-driver %O %A %B %P";
  if (run_process({"git", "config", "merge.cti.name", "cti: forløb merged as records"}, *root).exit_code != 0 ||
      run_process({"git", "config", "merge.cti.driver", driver}, *root).exit_code != 0)
    return setup_error(std::string(tr("git config could not register the merge driver (merge.cti.driver)",
                                      "git config kunne ikke registrere flettedriveren (merge.cti.driver)")));
  const fs::path attributes = *root / ".gitattributes";
  const auto before = read_text_file(attributes);
  if (auto err = ensure_line(attributes, std::string(kMergeAttribute))) return setup_error(*err);
  if (read_text_file(attributes) != before)
    print_note(fmt::format(fmt::runtime(tr("added '{}' to {}; commit it so every clone merges forløb as records",
                                           "tilføjede '{}' til {}; commit den, så alle kloner fletter forløb som "
                                           "registreringer")),
                           kMergeAttribute, display_path(*root, ".gitattributes")));
  print_note(
      std::string(tr("installed the pre-commit and pre-merge-commit hooks (cti validate --staged) and the "
                     "merge driver for forløb files",
                     "installerede hooks til pre-commit og pre-merge-commit (cti validate --staged) og "
                     "flettedriveren til forløbsfiler")));
  return kOk;
}

}  // namespace

Runner setup_hook(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<HookOptions>();
  app.require_subcommand(1);
  CLI::App* install = app.add_subcommand("install");
  install->add_flag("--force", o->force);
  install->add_flag("--server", o->server);
  CLI::App* receive = add_pre_receive(app, g);
  return [o, &g, install, receive] {
    if (install->parsed()) return run_install(*o, g);
    return receive->parsed() ? run_pre_receive(g) : static_cast<int>(kUsage);
  };
}

}  // namespace cti::cli
