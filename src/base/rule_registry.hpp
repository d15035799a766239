// The rule registry: every diagnostic cti can emit, by its stable name, with its
// severity and its meaning in English and Danish. The one table; `validate --list-rules`,
// the man page test and make_diag() all read it (as hledger's Check type names every
// check). A rule that is not here cannot be emitted: make_diag() asserts it. The
// severity is the rule's own; only key-file rules about ids outside the quarter's report
// are lowered to warnings (SPEC 7).
#pragma once

#include <string_view>
#include <vector>

#include "base/source.hpp"

namespace cti {

struct RuleInfo {
  std::string_view name;
  Severity severity;
  std::string_view en;
  std::string_view da;
};

// Every rule, grouped as the loader, the rules and the key file emit them.
const std::vector<RuleInfo>& rule_registry();

// The entry for `name`, or nullptr.
const RuleInfo* find_rule(std::string_view name);

}  // namespace cti
