// cti renumber OLD [NEW]: what its two halves share. An id once pushed names its borger
// for good (the key file maps it to a CPR number), so only an unpushed forløb moves, and
// its key-file line moves with it.
#pragma once

#include <string>

#include "cli/common.hpp"

namespace cti::cli {

struct RenumberOptions {
  std::string old_id;
  std::string new_id;  // "" = the next free id of the old one's stem
};

// Whether `id` can be a new file name in forloeb/ (no '/', no leading '.'), else why not.
std::optional<std::string> bad_new_id(const CheckedRepo& repo, const std::string& id);

// Moves the key file's line for old_id to new_id (the number itself is never read into a
// message); nothing when there is no key file or no line for old_id. An error text when
// new_id has a line already or the file cannot be written. `check_only`: refuse or pass,
// change nothing.
std::optional<std::string> move_key_line(const std::filesystem::path& key_file, const std::string& old_id,
                                         const std::string& new_id, bool check_only, bool& moved);

// The add/add conflict on forloeb/OLD.yaml (cli/renumber_clash.cpp): kOk/kUsage, or -1
// when there is no such conflict.
int renumber_clash(const CheckedRepo& repo, const GlobalOptions& g, const RenumberOptions& o);

}  // namespace cti::cli
