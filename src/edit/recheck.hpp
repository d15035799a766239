// The checks an edited file must still pass: the new bytes go through the same loader and
// rules as every command's checked repository, before anything is written.
#pragma once

#include <string>

#include "check/check.hpp"

namespace cti::edit {

// The errors the new `bytes` of forløb `f` (one of repo.forloeb) would add to its verdict:
// for each rule, the errors beyond as many as the file already had. Empty: safe to write.
Diagnostics added_errors(const CheckedRepo& repo, const Forloeb& f, const std::string& bytes);

// Every error the file would have with the new `bytes` (reading them and every rule):
// what `validate --staged` would say about it once committed. `--commit` commits none.
Diagnostics errors_after(const CheckedRepo& repo, const Forloeb& f, const std::string& bytes);

}  // namespace cti::edit
