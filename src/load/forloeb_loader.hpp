// forloeb/ID.yaml -> Forloeb, with structural diagnostics.
#pragma once

#include "base/forloeb.hpp"
#include "load/source_file.hpp"

namespace cti {

// Never throws. Structural problems (syntax, unknown keys, types, dates) become
// diagnostics; the record holds every value that could be read.
// `item_ids`: the programme's checklist item ids (Project::checklist()), for the hints
// on an item written outside tjekliste:; empty: the built-in items.
Forloeb load_forloeb(const SourceFile& f, Diagnostics& out, const std::vector<std::string>& item_ids = {});

}  // namespace cti
