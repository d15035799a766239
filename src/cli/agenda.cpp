// cti agenda [--worker ID] [--days N] [--format table|json]
// Every open obligation per worker (SPEC section 6): overdue first, then due within N days.
#include "report/agenda.hpp"

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"

namespace cti::cli {

namespace {

struct AgendaOptions {
  WorkerChoice who;
  int days = schedule::kDefaultHorizonDays;
  std::string format = "table";
};

int run_agenda(AgendaOptions o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  if (!settle_worker(*repo, o.who)) return kUsage;
  const std::string& worker = o.who.worker;

  report::AgendaQuery q{*today, o.days, worker};
  auto groups = report::agenda(repo->project, repo->forloeb, q);
  const report::Uncounted uncounted = report::uncounted(*repo, worker);
  std::string out;
  if (o.format == "json") {
    out = report::render_agenda_json(groups, q, uncounted);
  } else {
    // The table names files as the shell sees them, so "cti validate FILE" works as printed.
    for (auto& grp : groups)
      for (auto& e : grp.errors) e.file = display_path(repo->root, e.file);
    out = report::render_agenda_table(groups, q, use_color(g, stdout), output_width());
  }
  if (!print_output(out)) return kUsage;
  // The forløb files with errors are lines of their worker's group; what has no line is named.
  report::Uncounted not_listed = uncounted;
  not_listed.forloeb_with_errors = 0;
  note_uncounted(*repo, not_listed, report::Shown::rows);
  return kOk;
}

}  // namespace

Runner setup_agenda(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<AgendaOptions>();
  add_worker_choice(app, o->who);
  app.add_option("--days", o->days)->option_text("DAYS")->check(CLI::Range(0, 3660));
  app.add_option("--format", o->format)->check(CLI::IsMember({"table", "json"}));
  return [o, &g] { return run_agenda(*o, g); };
}

}  // namespace cti::cli
