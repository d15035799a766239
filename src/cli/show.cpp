// cti show ID [--horizon DAYS]: one forløb's timeline (SPEC section 6).
#include "report/show.hpp"

#include <fmt/format.h>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "cli/commands.hpp"
#include "schedule/schedule.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct ShowArgs {
  std::string id;
  int horizon = schedule::kDefaultHorizonDays;
};

int run_show(const ShowArgs& a, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  auto found = repo->find(a.id);
  if (found.empty()) return setup_error(no_such_forloeb(*repo, a.id));
  // Files sharing an id ([duplicate-id]) are each shown, one after the other.
  std::string all;
  for (const Forloeb* f : found) {
    if (!all.empty()) all += "\n";
    // The file's own diagnostics on top; the timeline below unless its dates cannot be read.
    std::string out;
    for (auto d : f->diagnostics) {
      d.file = display_path(repo->root, d.file);
      out += format_diagnostic(d) + "\n";
    }
    if (!f->dates_readable()) {
      print_output(all + out);
      return setup_error(fmt::format(fmt::runtime(tr("{}: the dates cannot be read, so there is no timeline; fix the "
                                                     "errors above (cti validate {})",
                                                     "{}: datoerne kan ikke læses, så der er ingen tidslinje; ret "
                                                     "fejlene ovenfor (cti validate {})")),
                                     f->display_id(), display_path(repo->root, f->file)));
    }
    if (!out.empty()) out += "\n";
    Forloeb shown = *f;  // its file named as the shell sees it
    shown.file = display_path(repo->root, f->file);
    all += out + report::render_show(repo->project, shown, {*today, a.horizon, use_color(g, stdout)});
  }
  if (!print_output(all)) return kUsage;
  return kOk;
}

}  // namespace

Runner setup_show(CLI::App& app, const GlobalOptions& g) {
  auto a = std::make_shared<ShowArgs>();
  app.add_option("ID", a->id)->required();
  app.add_option("--horizon", a->horizon)->option_text("DAYS")->check(CLI::Range(0, 3660));
  return [a, &g] { return run_show(*a, g); };
}

}  // namespace cti::cli
