#include "base/forloeb.hpp"

namespace cti {

std::string_view end_status_name(EndStatus s) {
  switch (s) {
    case EndStatus::completed:
      return "gennemført";
    case EndStatus::interrupted:
      return "afbrudt";
    case EndStatus::moved:
      return "flyttet";
  }
  return "";
}

std::optional<EndStatus> parse_end_status(std::string_view s) {
  for (EndStatus e : {EndStatus::completed, EndStatus::interrupted, EndStatus::moved})
    if (end_status_name(e) == s) return e;
  if (s == kOldMovedWord) return EndStatus::moved;
  return std::nullopt;
}

const ChecklistMark* Forloeb::mark(std::string_view item) const {
  for (const auto& m : checklist)
    if (m.item == item) return &m;
  return nullptr;
}

std::optional<Date> Forloeb::documented(DocPoint p) const {
  for (const auto& d : documentation)
    if (d.point == p) return d.date;
  return std::nullopt;
}

std::optional<Date> Forloeb::end_date() const {
  if (ending && ending->date) return *ending->date;
  return std::nullopt;
}

std::optional<EndStatus> Forloeb::end_status() const {
  if (ending && ending->status) return *ending->status;
  return std::nullopt;
}

const FocusAreas* Forloeb::focus_of(int phase) const {
  for (const auto& fa : focus)
    if (fa.phase == phase) return &fa;
  return nullptr;
}

const Diagnostic* Forloeb::first_error() const {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return &d;
  return nullptr;
}

}  // namespace cti
