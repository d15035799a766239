// The single values of a forløb file the recording commands set: a top-level key
// (medarbejder, kontakt, indflytning, ansvar_forankret_hos), a peer_støtte step, and one
// phase's focus areas (fokusområder.faseN as a flow list).
#include <fmt/format.h>

#include "edit/edit.hpp"
#include "edit/place.hpp"

namespace cti::edit {

namespace {

// The keys of a top-level block in the order the template writes them.
std::vector<std::string> block_order(const std::string& block) {
  if (block == "peer_støtte") return {"tilbudt", "ønsket", "tilknyttet", "form"};
  if (block == "fokusområder") return {"fase1", "fase2", "fase3"};
  return {};
}

}  // namespace

Result set_field(const std::string& bytes, const std::string& block, const std::string& key, const std::string& value,
                 bool force) {
  return set_value(bytes,
                   SetValue{block, key, value, true, {}, block.empty() ? key_order() : block_order(block), force});
}

Result set_focus_areas(const std::string& bytes, int phase, const std::vector<std::string>& areas, bool force) {
  SetValue s{"fokusområder", fmt::format("fase{}", phase), {}, false, "[", block_order("fokusområder"), force};
  for (const auto& a : areas) s.text += (s.text.size() > 1 ? ", " : "") + a;
  s.text += "]";
  s.value = s.text;
  s.is_list = true;
  s.list = areas;
  return set_value(bytes, s);
}

}  // namespace cti::edit
