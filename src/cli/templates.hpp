// The commented templates `cti init` and `cti new` write.
#pragma once

#include <string>
#include <string_view>

#include "base/date.hpp"

namespace cti::cli {

// The .gitattributes line that hands forløb files to cti's merge driver (SPEC 9).
inline constexpr std::string_view kMergeAttribute = "forloeb/** merge=cti";

// `schema_dir` is the repository's schemas/ folder as seen from the file (schema_dir_from).
std::string config_template(const std::string& schema_dir);
std::string forloeb_template(const std::string& id, const std::string& worker, const std::string& subgroup,
                             Date contact, const std::string& schema_dir);

}  // namespace cti::cli
