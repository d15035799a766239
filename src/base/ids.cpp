// Case ids as numbers (base/ids.hpp).
#include "base/ids.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/cpr_scan.hpp"

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

std::string_view trailing_number(std::string_view id) {
  std::size_t i = id.size();
  while (i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9') --i;
  std::string_view digits = id.substr(i);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

TypedIds::TypedIds(const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    const std::string_view number = trailing_number(id);
    if (number.empty()) continue;
    auto [it, fresh] = by_number_.try_emplace(number, Owner{id});
    if (!fresh && it->second.id != id) it->second.shared = true;
  }
}

std::string TypedIds::typed(const std::string& id) const {
  const std::string_view number = trailing_number(id);
  if (number.empty()) return id;
  auto it = by_number_.find(number);
  if (it != by_number_.end() && (it->second.shared || it->second.id != id)) return id;
  return std::string(number);
}

bool id_could_hold_cpr(std::string_view id) {
  return privacy::redact_output(id) != id;
}

}  // namespace cti
