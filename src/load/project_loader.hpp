// cti.yaml -> Project, with structural diagnostics.
#pragma once

#include "base/project.hpp"
#include "load/source_file.hpp"

namespace cti {

Project load_project(const SourceFile& f, Diagnostics& out);

}  // namespace cti
