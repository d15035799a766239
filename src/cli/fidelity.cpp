// cti fidelity [--from DATE] [--to DATE] [--worker ID] [--format table|json|csv]
// How closely the team follows the method, per worker and for the team.
#include "report/fidelity.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct FidelityOptions {
  std::string from, to, worker;
  std::string format = "table";
};

// An optional date option: empty is no limit; false (error printed) when invalid.
bool parse_opt_date(const std::string& text, const char* option, std::optional<Date>& out) {
  if (text.empty()) return true;
  out = parse_date_option(text, option);
  return out.has_value();
}

int run_fidelity(const FidelityOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  report::FidelityQuery q{*today, std::nullopt, std::nullopt, o.worker};
  if (!parse_opt_date(o.from, "--from", q.from) || !parse_opt_date(o.to, "--to", q.to)) return kUsage;
  if (q.from && *q.from > (q.to && *q.to < *today ? *q.to : *today))
    return setup_error(
        std::string(tr("--from is after --to (or after today)", "--from ligger efter --to (eller efter i dag)")));
  if (!check_worker(*repo, o.worker)) return kUsage;

  auto r = report::compute_fidelity(repo->project, repo->forloeb, q);
  r.uncounted = report::uncounted(*repo, o.worker);
  std::string out = o.format == "json"  ? report::render_fidelity_json(r)
                    : o.format == "csv" ? report::render_fidelity_csv(r)
                                        : report::render_fidelity_table(r, output_width());
  if (!print_output(out)) return kUsage;
  note_uncounted(*repo, r.uncounted, report::Shown::figures);
  return kOk;
}

}  // namespace

Runner setup_fidelity(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<FidelityOptions>();
  app.add_option("--from", o->from)->option_text("DATE");
  app.add_option("--to", o->to)->option_text("DATE");
  add_worker_option(app, o->worker);
  app.add_option("--format", o->format)->check(CLI::IsMember({"table", "json", "csv"}));
  return [o, &g] { return run_fidelity(*o, g); };
}

}  // namespace cti::cli
