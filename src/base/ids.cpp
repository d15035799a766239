// Case ids as numbers (base/ids.hpp).
#include "base/ids.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cti {

std::optional<std::pair<std::string, std::string>> split_id(const std::string& id) {
  std::size_t i = id.size();
  while (i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9') --i;
  if (i == id.size() || id.size() - i > 15) return std::nullopt;
  return std::pair{id.substr(0, i), id.substr(i)};
}

std::string next_free_id(const std::vector<std::string>& names, const std::string& stem, std::size_t min_width) {
  long long highest = 0;
  std::size_t width = min_width;
  for (const std::string& name : names) {
    auto id = split_id(name);
    if (!id || id->first != stem) continue;
    highest = std::max(highest, std::stoll(id->second));
    width = std::max(width, id->second.size());
  }
  return fmt::format("{}{:0{}}", stem, highest + 1, width);
}

}  // namespace cti
