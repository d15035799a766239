// cti calendar [-o FILE] [--worker ID] [--alarm DAYS]: deadlines as iCalendar (RFC 5545)
// all-day events, stamped with the export time (CTI_NOW, else noon UTC of a pinned today).
#include "report/calendar.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"
#include "io/safe_writer.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;
using i18n::tr_n;

namespace {

struct CalendarOptions {
  std::string output;
  bool output_given = false;  // -o given, even as -o "" (which the writer refuses)
  std::string worker;
  int alarm_days = -1;  // none
};

// CTI_NOW, else noon UTC of --today or CTI_TODAY, else the clock; nothing when CTI_NOW is malformed.
std::optional<report::Instant> resolve_now(const GlobalOptions& g, Date today) {
  std::optional<report::Instant> given;
  if (const char* env = std::getenv("CTI_NOW"); env && *env) {
    given = report::parse_utc(env);
    if (!given) {
      setup_error(
          fmt::format(fmt::runtime(tr("CTI_NOW must be a UTC time like 2026-11-23T08:00:00Z, not '{}'",
                                      "CTI_NOW skal være et UTC-tidspunkt som 2026-11-23T08:00:00Z, ikke '{}'")),
                      env));
      return std::nullopt;
    }
  }
  const char* env_today = std::getenv("CTI_TODAY");
  bool pinned = !g.today.empty() || (env_today && *env_today);
  auto clock = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return report::export_time(given, pinned ? std::optional<Date>(today) : std::nullopt, clock);
}

int run_calendar(const CalendarOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto now = resolve_now(g, *today);
  if (!now) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  if (!check_worker(*repo, o.worker)) return kUsage;

  auto events = report::compute_calendar(repo->project, repo->forloeb, *today, o.worker);
  report::IcsOptions ics_options{*now, std::nullopt, report::uncounted(*repo, o.worker)};
  if (o.alarm_days >= 0) ics_options.alarm_days = o.alarm_days;
  std::string ics = report::render_ics(events, repo->project, ics_options);

  if (!o.output_given || o.output == "-") {
    if (!print_output(ics)) return kUsage;
  } else {
    // The safe writer: relative to where cti was started; replaces an earlier calendar,
    // never a case file, the key file, a tracked file or a link.
    std::error_code ec;
    const io::OutputTarget target{
        o.output, fs::current_path(ec), repo->root, cpr_file_path(g, repo->root), io::Sensitivity::plain, true};
    if (auto err = io::write_output(target, ics)) return setup_error(*err);
    print_note(fmt::format(
        fmt::runtime(tr_n(static_cast<long long>(events.size()), "wrote {} event to {}", "wrote {} events to {}",
                          "skrev {} begivenhed til {}", "skrev {} begivenheder til {}")),
        events.size(), o.output));
  }
  note_uncounted(*repo, ics_options.uncounted, report::Shown::figures);
  return kOk;
}

}  // namespace

Runner setup_calendar(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<CalendarOptions>();
  auto* output = app.add_option("-o,--output", o->output)->option_text("FILE");
  add_worker_option(app, o->worker);
  app.add_option("--alarm", o->alarm_days)->check(CLI::Range(0, 365))->option_text("DAYS");
  return [o, &g, output] {
    o->output_given = output->count() > 0;
    return run_calendar(*o, g);
  };
}

}  // namespace cti::cli
