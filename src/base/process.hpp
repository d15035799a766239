// Running a helper program (git) and capturing its output.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cti {

struct ProcessResult {
  int exit_code = -1;  // -1 when the program could not be started
  std::string out;
  std::string err;
};

// Runs argv[0] (searched in PATH) in `cwd`, feeding `input` to its stdin.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                          const std::string& input = {});

}  // namespace cti
