// libFuzzer target: one forløb file's bytes through the load and validate stages.
// Build: CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCTI_FUZZ=ON && cmake --build build-fuzz --target cti-fuzz-load
// Run:   build-fuzz/tests/fuzz/cti-fuzz-load -max_total_time=60 corpus-dir tests/bad/cases
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/forloeb_loader.hpp"
#include "load/project_loader.hpp"
#include "load/repo.hpp"
#include "rules/rules.hpp"

namespace {

const cti::Project& fuzz_project() {
  static const cti::Project project = [] {
    cti::Diagnostics ignored;
    return cti::load_project({"cti.yaml",
                              "projekt: Fuzz\ndelmålgrupper: [egen-kommune, anden-kommune]\n"
                              "medarbejdere:\n  - id: mette\n    årsværk: 1.0\nindflytning_tidligst_måneder: 1\n"},
                             ignored);
  }();
  return project;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  cti::LoadedRepo repo;
  repo.project = fuzz_project();
  cti::SourceFile file{"forloeb/K-0001.yaml", bytes};
  cti::scan_for_cpr(file, repo.diagnostics);
  repo.forloeb.push_back(cti::load_forloeb(file, repo.diagnostics));
  // The same bytes as cti.yaml exercise the project loader too.
  cti::Diagnostics config_diags;
  (void)cti::load_project({"cti.yaml", bytes}, config_diags);
  cti::rules::Facts facts{cti::Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{23}}, false, ""};
  auto diags = cti::rules::validate(repo, facts);
  for (const auto& d : diags)
    if (d.message.empty() || d.rule.empty()) __builtin_trap();
  return 0;
}
