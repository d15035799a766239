#include "base/forloeb.hpp"

#include <algorithm>

#include "base/suggest.hpp"

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

bool Forloeb::in_view_of(std::string_view w) const {
  if (w.empty() || (worker && *worker == w)) return true;
  if (!has_errors()) return false;
  if (!worker) return true;
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  // A near miss: two letters in a long id, one in an id of 3-5 letters, none in a shorter
  // one (where one letter makes another worker).
  const std::size_t slack = std::min<std::size_t>(2, std::max(worker->size(), w.size()) / 3);
  if (lower(*worker) == lower(std::string(w)) || edit_distance(*worker, w) <= slack) return true;
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.rule == "unknown-worker"; });
}

}  // namespace cti
