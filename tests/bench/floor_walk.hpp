// The walk both parse floors share (parse_floor.cpp, parse_floor_libyaml.cpp): every
// DIR/forloeb/*.yaml read whole, single-threaded, handed to `keys` (its top-level key
// count, or -1 when it does not parse), and one line of totals. Only the parser differs.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

inline int run_floor(int argc, char** argv, const char* name, long (*keys)(const std::string&)) {
  namespace fs = std::filesystem;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", name);
    return 2;
  }
  const fs::path dir = fs::path(argv[1]) / "forloeb";
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    std::fprintf(stderr, "%s: %s: %s\n", name, dir.c_str(), ec.message().c_str());
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
    const long n = keys(text);
    if (n < 0)
      ++errors;
    else
      entries += static_cast<unsigned long>(n);
  }
  std::printf("%lu files, %lu top-level entries, %lu parse errors\n", files, entries, errors);
  return 0;
}
