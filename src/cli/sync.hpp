// cti sync's explanations (cli/sync_explain.cpp): what stopped a sync and the exact
// commands to go on or go back, in the repository's language. No CPR number: git's own
// text is passed through the redaction gate and cut to its first line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/process.hpp"
#include "cli/common.hpp"

namespace cti::cli {

// The first line of a text (git's messages), without its line ending.
std::string first_line(const std::string& text);

// A merge or rebase that has stopped in this clone: what to do to finish it or go back;
// nothing when none is under way.
std::optional<std::string> unfinished_integration(const std::filesystem::path& root);

// The merge or rebase `r` stopped: the files in conflict with what cti validate says about
// them (a same-id clash names cti renumber), or the hook's verdict, then the commands.
void explain_stop(const GlobalOptions& g, const std::filesystem::path& root, Date today, bool rebase,
                  const ProcessResult& r);

// The server refused the push: someone pushed first (run cti sync again), or its
// pre-receive hook refused (its lines, which name case ids and rules).
void explain_push_refused(const ProcessResult& r);

}  // namespace cti::cli
