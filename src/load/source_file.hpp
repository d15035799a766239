// A file's bytes as read from the work tree or the git index.
#pragma once

#include <string>

namespace cti {

struct SourceFile {
  std::string path;  // relative to the repository root, '/'-separated
  std::string bytes;
};

// The file name without directory and without ".yaml", in NFC.
std::string file_stem(const std::string& path);

}  // namespace cti
