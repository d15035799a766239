// cti status [--worker ID] [--all] [--horizon DAYS] [--format table|json|csv] [--check]
// The morning board (SPEC section 6): one row per active forløb, nearest deadline first.
#include "report/status.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"

namespace cti::cli {

using i18n::tr;
using i18n::tr_n;

namespace {

struct StatusOptions {
  WorkerChoice who;
  bool all = false;
  int horizon = schedule::kDefaultHorizonDays;
  std::string format = "table";
  bool check = false;
};

// The rows with their files named relative to where cti was started, for the table's
// "cti validate FILE" hints (JSON keeps paths relative to the repository root).
std::vector<report::StatusRow> shown_paths(const CheckedRepo& repo, std::vector<report::StatusRow>&& rows) {
  for (auto& r : rows) r.file = display_path(repo.root, r.file);
  return rows;
}

int run_status(StatusOptions o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  if (!settle_worker(*repo, o.who)) return kUsage;
  const std::string& worker = o.who.worker;

  report::StatusQuery q{*today, o.horizon, worker, o.all};
  auto rows = report::status_rows(repo->project, repo->forloeb, q);
  // Files with errors stay on the board, marked; what it could not count is named.
  const report::Uncounted uncounted = report::uncounted(*repo, worker);
  int overdue = 0;  // for --check, counted before the table takes the rows
  for (const auto& r : rows) overdue += r.overdue_count();
  std::string out;
  if (o.format == "json")
    out = report::render_status_json(rows, *today, uncounted);
  else if (o.format == "csv")
    out = report::render_status_csv(rows);
  else {
    const auto workers = report::worker_summaries(repo->project, rows, worker);  // before the rows move
    out = report::render_status_table(shown_paths(*repo, std::move(rows)), workers, *today, o.horizon,
                                      use_color(g, stdout), output_width());
  }
  if (!print_output(out)) return kUsage;
  note_uncounted(*repo, uncounted, report::Shown::rows);
  // --check fails on any file with errors (cti.yaml, any forløb's, whatever --worker says).
  const report::Uncounted all = report::uncounted(*repo, "");
  const int with_errors = all.invalid() + static_cast<int>(all.others.size());
  if (!o.check) return kOk;
  if (overdue > 0)
    print_note(fmt::format(fmt::runtime(tr_n(overdue, "--check: {} overdue item", "--check: {} overdue items",
                                             "--check: {} forsinket punkt", "--check: {} forsinkede punkter")),
                           overdue));
  return overdue > 0 || with_errors > 0 ? kFindings : kOk;
}

}  // namespace

Runner setup_status(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<StatusOptions>();
  add_worker_choice(app, o->who);
  app.add_flag("--all", o->all);
  app.add_option("--horizon", o->horizon)->option_text("DAYS")->check(CLI::Range(0, 3660));
  app.add_option("--format", o->format)->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_flag("--check", o->check);
  return [o, &g] { return run_status(*o, g); };
}

}  // namespace cti::cli
