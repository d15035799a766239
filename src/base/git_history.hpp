// What git knows about a forløb file's history across clones: whether a version of it was
// pushed (is reachable from a remote-tracking ref, as of the last fetch), and where a
// rebase stands. Used to tell the unpushed side of an id clash from the pushed one.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace cti::git {

// Every blob id `path` (relative to dir) has had in a commit reachable from refs/remotes/*
// (one `git log --remotes --raw`); nothing when git fails. Empty: never pushed.
std::optional<std::set<std::string>> pushed_blobs(const std::filesystem::path& dir, const std::string& path);

// The commit being replayed and the branch's original tip while a rebase has stopped;
// nothing when no rebase is under way.
struct Rebase {
  std::string replaying;  // REBASE_HEAD
  std::string orig_head;  // the branch before the rebase
};
std::optional<Rebase> rebase_in_progress(const std::filesystem::path& dir);

// Whether a commit still to be replayed by the rebase changes `path`.
bool rebase_changes_later(const std::filesystem::path& dir, const Rebase& r, const std::string& path);

}  // namespace cti::git
