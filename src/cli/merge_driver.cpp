// cti merge-driver BASE OURS THEIRS PATH: git's merge driver for forloeb/** (registered by
// cti hook install as `merge.cti.driver`). Merges the three versions as records
// (edit/merge.hpp) and writes the result into OURS, git's temporary file; where the
// records cannot say, git's own line merge (`git merge-file`) does, so nothing recorded on
// either side is dropped. Exit 0: merged; 1: a conflict is left in OURS for a person.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/commands.hpp"
#include "edit/merge.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

struct DriverOptions {
  std::string base, ours, theirs, path;
};

// The conflict comments speak the repository's language: cti.yaml two folders above the
// forløb file (git runs the driver at the top of the work tree).
void settle_driver_language(const GlobalOptions& g, const std::string& path) {
  std::error_code ec;
  fs::path root = fs::current_path(ec) / fs::path(path).parent_path().parent_path();
  settle_language(g, fs::exists(root / "cti.yaml", ec) ? std::optional<fs::path>(root) : std::nullopt);
}

int line_merge(const DriverOptions& o) {
  auto r = run_process({"git", "merge-file", "-L", std::string(tr("ours", "vores")), "-L", "base", "-L",
                        std::string(tr("theirs", "deres")), o.ours, o.base, o.theirs},
                       fs::current_path());
  return r.exit_code == 0 ? kOk : kFindings;
}

int run_driver(const DriverOptions& o, const GlobalOptions& g) {
  settle_driver_language(g, o.path);
  auto base = read_text_file(o.base), ours = read_text_file(o.ours), theirs = read_text_file(o.theirs);
  if (!base || !ours || !theirs) return line_merge(o);
  auto merged = edit::merge_records(*base, *ours, *theirs);
  if (!merged) return line_merge(o);
  if (auto err = replace_file(o.ours, merged->bytes, 0644)) {
    print_note(fmt::format(fmt::runtime(tr("merge driver: {} could not be written ({}); git's line merge instead",
                                           "flettedriver: {} kunne ikke skrives ({}); git's linjefletning i stedet")),
                           o.path, *err));
    return line_merge(o);
  }
  if (!merged->clean)
    print_note(fmt::format(fmt::runtime(tr("{}: two values disagree; the '# cti:' comment in the file says how to "
                                           "settle it",
                                           "{}: to værdier er uenige; kommentaren '# cti:' i filen siger, hvordan "
                                           "det afgøres")),
                           o.path));
  return merged->clean ? kOk : kFindings;
}

}  // namespace

Runner setup_merge_driver(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<DriverOptions>();
  app.group("");  // hidden: run by git (cti hook install registers it), not by people
  app.add_option("BASE", o->base)->required();
  app.add_option("OURS", o->ours)->required();
  app.add_option("THEIRS", o->theirs)->required();
  app.add_option("PATH", o->path)->required();
  return [o, &g] { return run_driver(*o, g); };
}

}  // namespace cti::cli
