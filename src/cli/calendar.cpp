// cti calendar [-o FILE] [--worker ID]: deadlines as iCalendar (RFC 5545) all-day events.
#include "report/calendar.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"
#include "io/safe_writer.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

struct CalendarOptions {
  std::string output;
  std::string worker;
};

int run_calendar(const CalendarOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  if (!check_worker(*repo, o.worker)) return kUsage;

  auto events = report::compute_calendar(repo->project, repo->forloeb, *today, o.worker);
  std::string ics = report::render_ics(events, repo->project, *today);
  int invalid = 0;
  std::vector<std::string> unreadable;
  for (const auto& f : repo->forloeb) {
    if (!o.worker.empty() && !(f.worker && *f.worker == o.worker)) continue;
    invalid += f.has_errors();
    if (!f.dates_readable()) unreadable.push_back(f.file);
  }

  if (o.output.empty() || o.output == "-") {
    if (!print_output(ics)) return kUsage;
  } else {
    // The safe writer: relative to where cti was started; replaces an earlier calendar,
    // never a case file, the key file, a tracked file or a link.
    std::error_code ec;
    const io::OutputTarget target{
        o.output, fs::current_path(ec), repo->root, cpr_file_path(g, repo->root), io::Sensitivity::plain, true};
    if (auto err = io::write_output(target, ics)) return setup_error(*err);
    print_note(fmt::format(fmt::runtime(tr("wrote {} event(s) to {}", "skrev {} begivenhed(er) til {}")), events.size(),
                           o.output));
  }
  note_invalid(invalid, unreadable);
  return kOk;
}

}  // namespace

Runner setup_calendar(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<CalendarOptions>();
  app.add_option("-o,--output", o->output, "Write the calendar to FILE (replaced atomically); default stdout")
      ->option_text("FILE");
  add_worker_option(app, o->worker);
  return [o, &g] { return run_calendar(*o, g); };
}

}  // namespace cti::cli
