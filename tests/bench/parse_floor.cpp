// cti-parse-floor: the "floor" for the cti benchmark (tests/bench/run.sh).
//
// Reads every DIR/forloeb/*.yaml and parses it with yaml-cpp, single-threaded,
// touching each document minimally (counting its top-level map entries) so
// nothing is optimised away. No validation, no schedule, no output per file:
// the cost any yaml-cpp based tool must pay at least once per file.
//
// Usage: cti-parse-floor DIR
// Prints: "<files> files, <entries> top-level entries, <errors> parse errors".
// Exit 0, or 2 on a usage error / unreadable directory.

#include <yaml-cpp/yaml.h>

#include <string>

#include "floor_walk.hpp"

namespace {

long top_level_keys(const std::string& text) {
  try {
    const YAML::Node doc = YAML::Load(text);
    return doc.IsMap() ? static_cast<long>(doc.size()) : 0;
  } catch (const YAML::Exception&) {
    return -1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  return run_floor(argc, argv, "cti-parse-floor", top_level_keys);
}
