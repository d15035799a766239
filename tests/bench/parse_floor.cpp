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

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cti-parse-floor DIR\n");
    return 2;
  }
  const fs::path dir = fs::path(argv[1]) / "forloeb";
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    std::fprintf(stderr, "cti-parse-floor: %s: %s\n", dir.c_str(), ec.message().c_str());
    return 2;
  }

  unsigned long files = 0, entries = 0, errors = 0;
  std::string text;
  for (const auto& entry : it) {
    const fs::path& p = entry.path();
    if (p.extension() != ".yaml" || !entry.is_regular_file(ec)) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      ++errors;
      continue;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ++files;
    try {
      const YAML::Node doc = YAML::Load(text);
      if (doc.IsMap()) entries += doc.size();
    } catch (const YAML::Exception&) {
      ++errors;
    }
  }
  std::printf("%lu files, %lu top-level entries, %lu parse errors\n", files, entries, errors);
  return 0;
}
