// cti caseload [--months N] [--worker ID] [--format table|json|csv]
// Each worker's caseload today and a month-by-month forecast from the schedule.
#include "report/caseload.hpp"

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct CaseloadOptions {
  int months = 6;
  std::string worker;
  std::string format = "table";
};

int run_caseload(const CaseloadOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  if (!check_worker(*repo, o.worker)) return kUsage;

  report::CaseloadQuery q{*today, o.months, o.worker};
  report::Caseload c = report::compute_caseload(repo->project, repo->forloeb, q);
  c.uncounted = report::uncounted(*repo, o.worker);
  std::string out = o.format == "json"  ? report::render_caseload_json(c)
                    : o.format == "csv" ? report::render_caseload_csv(c)
                                        : report::render_caseload_table(c, use_color(g, stdout), output_width());
  if (!print_output(out)) return kUsage;
  note_uncounted(*repo, c.uncounted, report::Shown::figures);
  return kOk;
}

}  // namespace

Runner setup_caseload(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<CaseloadOptions>();
  app.add_option("--months", o->months)->check(CLI::Range(1, 36))->option_text("N");
  add_worker_option(app, o->worker);
  app.add_option("--format", o->format)->check(CLI::IsMember({"table", "json", "csv"}));
  return [o, &g] { return run_caseload(*o, g); };
}

}  // namespace cti::cli
