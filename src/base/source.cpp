#include "base/source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <tuple>

#include "base/cpr_scan.hpp"
#include "base/rule_registry.hpp"

namespace cti {

Diagnostic make_diag(std::string file, Pos pos, Severity sev, std::string rule, std::string message) {
  // Every emitted rule is registered (checked in the test builds). The registry holds a
  // rule's usual severity; key-file rules are warnings for ids outside the report.
  assert(find_rule(rule) != nullptr);
  return Diagnostic{std::move(file), pos, sev, std::move(rule), privacy::redact(message)};
}

std::string format_diagnostic(const Diagnostic& d) {
  const char* sev = d.severity == Severity::error ? "error" : "warning";
  return fmt::format("{}:{}:{}: {}: {} [{}]", d.file, std::max(d.pos.line, 1), std::max(d.pos.col, 1), sev, d.message,
                     d.rule);
}

void sort_diagnostics(Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.pos.line, a.pos.col, a.rule) < std::tie(b.file, b.pos.line, b.pos.col, b.rule);
  });
}

int count_severity(const Diagnostics& ds, Severity s) {
  return static_cast<int>(std::count_if(ds.begin(), ds.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace cti
