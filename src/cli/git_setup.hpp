// What a clone needs from git for cti to guard it (SPEC 9): the hooks that run
// `cti validate --staged` before a commit and a merge commit, and the merge driver for
// forløb files. `cti hook install` sets them up; every command that reads a repository
// says in one line on stderr when the clone lacks them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cti::cli {

// The line every hook cti writes carries; a hook without it is foreign.
inline constexpr std::string_view kHookMarker = "# installed by: cti hook install";

// The client hooks `cti hook install` writes, each running `cti validate --staged`.
inline constexpr const char* kClientHooks[] = {"pre-commit", "pre-merge-commit"};

// The git dir's hooks folder for the repository at `root` (core.hooksPath honoured);
// nothing when `root` is not in a git work tree.
std::optional<std::filesystem::path> hooks_dir(const std::filesystem::path& root);

// Whether git would run cti's check before a commit: cti's own hook, or a hook that
// calls cti validate (the pre-commit framework's, a team's own script).
bool hook_runs_cti(const std::filesystem::path& hook);

// The one-line notice for a clone that lacks the hooks or the merge driver, or nothing
// when it has them (or is not a git work tree). Asks git twice and prints nothing, so a
// command can ask it on another thread while it reads the repository; the same git run
// reads cti.worker ahead, for git_config below.
std::optional<std::string> missing_guards_note(const std::filesystem::path& root);
// Prints that notice, at most once per process.
void print_guards_note(const std::optional<std::string>& note);

// `s` without trailing newlines and spaces (a line of git's output).
std::string trim_end(std::string s);

// The git config value of `key` in the repository at `root`, or nothing. cti.worker is
// answered from missing_guards_note's run for the same root, when there was one.
std::optional<std::string> git_config(const std::filesystem::path& root, const std::string& key);

}  // namespace cti::cli
