// The built-in checklists of the CTI manual (SPEC section 4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cti {

// The checklist groups ("tjeklister"), one per schedule point.
enum class Stage { kontakt, fase2, fase3, afslutning };

std::string_view stage_name(Stage s);
std::optional<Stage> parse_stage(std::string_view s);

struct ChecklistItem {
  std::string id;
  std::string text;  // Danish text from the manual
  Stage stage;
};

const std::vector<ChecklistItem>& builtin_checklist();

// The documentation points (forms filled in): opstart, fase2, fase3, afslutning.
enum class DocPoint { opstart, fase2, fase3, afslutning };
std::string_view doc_point_name(DocPoint p);
std::optional<DocPoint> parse_doc_point(std::string_view s);
inline constexpr DocPoint kAllDocPoints[] = {DocPoint::opstart, DocPoint::fase2, DocPoint::fase3, DocPoint::afslutning};

// The item due at m(opstart, 8) rather than at the end.
inline constexpr std::string_view kHandoverMeetingsItem = "overdragelsesmøder";

}  // namespace cti
