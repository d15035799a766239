// cti.yaml -> Project, with structural diagnostics.
#pragma once

#include "load/source_file.hpp"
#include "model/project.hpp"

namespace cti {

Project load_project(const SourceFile& f, Diagnostics& out);

}  // namespace cti
