// The commented templates `cti init` and `cti new` write.
#pragma once

#include <string>

#include "base/date.hpp"

namespace cti::cli {

std::string config_template();
std::string forloeb_template(const std::string& id, const std::string& worker, const std::string& subgroup,
                             Date contact);

}  // namespace cti::cli
