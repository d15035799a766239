// Writing git hooks for `cti hook install`, client and server side (SPEC 9).
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "cli/common.hpp"

namespace cti::cli {

// A POSIX shell word for `s` ('...' with ' escaped).
std::string shell_quote(const std::string& s);

// Writes `script` as the hook at `path` (0755). A hook cti did not write is kept, unless
// `force`, which moves it aside first (nothing lost). Returns an exit code.
int install_hook(const std::filesystem::path& path, const std::string& script, bool force);

// --server: the pre-receive hook in the bare repository at (or above) `dir`.
int install_server_hook(const std::filesystem::path& dir, const std::string& exe, bool force);

// The hidden `cti hook pre-receive` the server hook runs: reads git's "old new ref" lines
// on stdin, refuses (exit 1) a push whose new commits add an error or a possible CPR
// number, naming the commit, file and rule, never the number.
CLI::App* add_pre_receive(CLI::App& hook, const GlobalOptions& g);
int run_pre_receive(const GlobalOptions& g);

}  // namespace cti::cli
