// cti board -o FILE.html [--months N] [--worker ID] [--force]: the team board as one
// self-contained HTML page (report/board.hpp), written in one piece.
#include "report/board.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"
#include "io/safe_writer.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

struct BoardOptions {
  std::string output;
  int months = 6;
  WorkerChoice who;
  bool force = false;
};

int run_board(BoardOptions o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  if (!settle_worker(*repo, o.who)) return kUsage;
  const std::string& worker = o.who.worker;

  report::BoardQuery q;
  q.today = *today;
  q.months = o.months;
  q.worker = worker;
  report::Board board = report::compute_board(repo->project, repo->forloeb, q);
  board.uncounted = report::uncounted(*repo, worker);
  std::string html = report::render_board_html(board);

  if (o.output == "-") {
    if (!print_output(html)) return kUsage;
  } else {
    // The safe writer (SPEC section 6): relative to where cti was started (not -C); never
    // over a case file, cti.yaml, the key file, a tracked file, a link or a FIFO; with
    // --force it replaces an earlier board; the file appears whole or not at all.
    std::error_code ec;
    const io::OutputTarget target{
        o.output, fs::current_path(ec), repo->root, cpr_file_path(g, repo->root), io::Sensitivity::plain, o.force};
    if (auto err = io::write_output(target, html)) return setup_error(*err);
    print_note(fmt::format(fmt::runtime(tr("wrote the board ({} forløb) to {}", "skrev tavlen ({} forløb) til {}")),
                           board.rows, o.output));
  }
  note_uncounted(*repo, board.uncounted, report::Shown::rows);
  return kOk;
}

}  // namespace

Runner setup_board(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<BoardOptions>();
  app.add_option("-o,--output", o->output)->required()->option_text("FILE");
  app.add_option("--months", o->months)->check(CLI::Range(1, 36))->option_text("N");
  add_worker_choice(app, o->who);
  app.add_flag("--force", o->force);
  return [o, &g] { return run_board(*o, g); };
}

}  // namespace cti::cli
