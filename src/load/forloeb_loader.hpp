// forloeb/ID.yaml -> Forloeb, with structural diagnostics.
#pragma once

#include "base/forloeb.hpp"
#include "load/source_file.hpp"

namespace cti {

// Never throws. Structural problems (syntax, unknown keys, types, dates) become
// diagnostics; the record holds every value that could be read.
Forloeb load_forloeb(const SourceFile& f, Diagnostics& out);

}  // namespace cti
