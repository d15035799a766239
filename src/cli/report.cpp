// cti report --quarter [YYYY-Qn] [--format csv|json] [--pseudonym] [-o FILE [--force]]
// The quarterly indberetning (SPEC section 7), the only output that holds CPR numbers.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>

#include "base/cpr_scan.hpp"
#include "base/git.hpp"
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"
#include "io/out.hpp"
#include "io/safe_writer.hpp"
#include "load/key_retention.hpp"
#include "load/keyfile.hpp"
#include "report/quarter.hpp"
#include "rules/rules.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::count_text;
using i18n::tr;
using i18n::tr_n;

namespace {

struct ReportOptions {
  bool quarter_given = false;
  std::string quarter;  // empty: the last completed quarter
  std::string format = "csv";
  bool pseudonym = false;
  std::string output;
  bool output_given = false;  // -o given, even as -o "" (which the writer refuses)
  bool force = false;
};

// "file:line:col: error: message [rule]", or "file: error: ..." when there is no position
// (a case id missing from the key file). Redacted once more on the way out.
void print_diagnostics(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) {
    out += privacy::redact(format_key_diagnostic(d)) + "\n";
  }
  io::err().print(out);
}

bool inside(const fs::path& p, const fs::path& dir) {
  fs::path rel = p.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

void print_summary(const report::QuarterSummary& s, const report::Quarter& q, Date today) {
  print_note(fmt::format(fmt::runtime(tr("{} ({} to {}): {}; in the quarter {} started, {} ended, {} completed",
                                         "{} ({} til {}): {}; i kvartalet {} startet, {} afsluttet, {} gennemført")),
                         q.name(), format_date(q.first_day()), format_date(q.last_day()),
                         count_text(s.rows, "{} row", "{} rows", "{} række", "{} rækker"), s.started, s.ended,
                         s.completed));
  std::string groups;
  for (const auto& [g, n] : s.by_subgroup) groups += fmt::format("{}{} {}", groups.empty() ? "" : ", ", g, n);
  if (!groups.empty())
    print_note(privacy::redact(fmt::format(fmt::runtime(tr("by delmålgruppe: {}", "pr. delmålgruppe: {}")), groups)));
  if (q.last_day() >= today)
    print_note(fmt::format(
        fmt::runtime(tr("note: {} has not ended yet (today is {}); the rows show the situation so far",
                        "bemærk: {} er ikke slut endnu (i dag er {}); rækkerne viser situationen indtil nu")),
        q.name(), format_date(today)));
}

int run_report(const ReportOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;

  auto quarter = quarter_option(o.quarter, *today);
  if (!quarter) return kUsage;
  const report::Quarter q = *quarter;

  // Where the report goes is settled before any CPR number is read.
  const fs::path key_file = cpr_file_path(g, repo->root);
  const bool to_stdout = !o.output_given || o.output == "-";
  if (to_stdout && !o.pseudonym)
    return setup_error(std::string(
        isatty(STDOUT_FILENO)
            ? tr("the report holds CPR numbers and is never shown on a terminal: write it to a file with -o FILE "
                 "(--pseudonym shows case ids instead)",
                 "indberetningen indeholder CPR-numre og vises aldrig i en terminal: skriv den til en fil med -o FIL "
                 "(--pseudonym viser forløbs-id'er i stedet)")
            : tr("the report holds CPR numbers and is only written to a file: use -o FILE "
                 "(--pseudonym writes case ids to standard output)",
                 "indberetningen indeholder CPR-numre og skrives kun til en fil: brug -o FIL "
                 "(--pseudonym skriver forløbs-id'er til standard output)")));
  // The safe writer: relative to where cti was started, never over the case files, the
  // key file or a tracked file, never in a place git would commit; mode 0600.
  std::error_code cwd_ec;
  const io::OutputTarget target{o.output, fs::current_path(cwd_ec), repo->root,
                                key_file, io::Sensitivity::cpr,     o.force};
  if (!to_stdout) {
    auto where = io::check_output(target);
    if (auto* err = std::get_if<std::string>(&where)) return setup_error(*err);
  }

  // A broken file stops the report when it may belong in the quarter: cti.yaml and any
  // other file, and a forløb that is in the quarter or whose dates cannot be read. Errors
  // in other forløb are told about in one note (cti validate shows them).
  Diagnostics errors;
  for (const auto& d : repo->repo_diagnostics)
    if (d.severity == Severity::error) errors.push_back(d);
  int outside = 0;
  for (const auto& f : repo->forloeb) {
    if (!f.has_errors()) continue;
    if (f.dates_readable() && !(f.start && report::included(f, q))) {
      ++outside;
      continue;
    }
    for (const auto& d : f.diagnostics)
      if (d.severity == Severity::error) errors.push_back(d);
  }

  auto rows = report::quarter_rows(repo->forloeb, q);
  std::optional<privacy::KeyFile> keys;
  if (!o.pseudonym) {
    fs::path rel = key_file.lexically_relative(repo->root);
    std::string shown = inside(key_file, repo->root) ? rel.generic_string() : key_file.string();
    // Like ssh with a private key: the key file should be readable by its owner only.
    struct stat st {};
    if (::stat(key_file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0)
      print_note(fmt::format(fmt::runtime(tr("warning: {} can be read by group or others (mode {:o}); make it "
                                             "private with: chmod 600 {}",
                                             "advarsel: {} kan læses af gruppe eller andre (tilstand {:o}); gør den "
                                             "privat med: chmod 600 {}")),
                             shown, st.st_mode & 0777, shown));
    auto read = privacy::read_key_file(key_file, shown);
    if (auto* err = std::get_if<std::string>(&read)) return setup_error(*err);
    keys = std::move(std::get<privacy::KeyFile>(read));
    std::vector<std::string> needed;
    for (const auto& r : rows) needed.push_back(r.id);
    const auto known = privacy::key_periods(repo->forloeb);
    Diagnostics key_diags;
    privacy::check_keys(*keys, needed, known, key_diags);
    // Lines past their retention: a warning that never stops the report.
    privacy::check_retention(*keys, known, repo->project.cpr_keep_quarters, *today, {needed.begin(), needed.end()},
                             key_diags);
    Diagnostics warnings;
    for (auto& d : key_diags) (d.severity == Severity::error ? errors : warnings).push_back(std::move(d));
    sort_diagnostics(warnings);
    print_diagnostics(warnings);
  }
  if (outside)
    print_note(fmt::format(fmt::runtime(tr_n(outside,
                                             "{} forløb outside {} has errors (see cti validate); it is not in "
                                             "the report and does not stop it",
                                             "{} forløb outside {} have errors (see cti validate); they are not in "
                                             "the report and do not stop it",
                                             "{} forløb uden for {} har fejl (se cti validate); det er ikke med i "
                                             "indberetningen og standser den ikke",
                                             "{} forløb uden for {} har fejl (se cti validate); de er ikke med i "
                                             "indberetningen og standser den ikke")),
                           outside, q.name()));
  // With --pseudonym nothing is at stake: every row is shown, and the errors are named
  // beside it (exit 1); the CPR report is not written while there are errors.
  if (!errors.empty() && !o.pseudonym) {
    sort_diagnostics(errors);
    print_diagnostics(errors);
    print_note(fmt::format(
        fmt::runtime(tr_n(static_cast<long long>(errors.size()), "{} error; the report was not written",
                          "{} errors; the report was not written", "{} fejl; indberetningen blev ikke skrevet",
                          "{} fejl; indberetningen blev ikke skrevet")),
        errors.size()));
    return kFindings;
  }

  report::KeyFn key = [&](const report::QuarterRow& r) {
    return o.pseudonym ? privacy::redact(r.id) : keys->by_id.at(r.id).cpr.reveal_for_report();
  };
  std::string content = o.format == "json" ? report::render_json(rows, key, o.pseudonym, q, repo->project)
                                           : report::render_csv(rows, key, o.pseudonym);
  if (to_stdout) {
    if (!print_output(content)) return kUsage;
  } else {
    if (auto err = io::write_output(target, content)) return setup_error(*err);
  }
  print_summary(report::summarize(rows, q, repo->project), q, *today);
  if (!errors.empty()) {
    sort_diagnostics(errors);
    print_diagnostics(errors);
    print_note(fmt::format(fmt::runtime(tr_n(static_cast<long long>(errors.size()),
                                             "{} error; fix it before the report with CPR numbers can be written",
                                             "{} errors; fix them before the report with CPR numbers can be written",
                                             "{} fejl; ret den, før indberetningen med CPR-numre kan skrives",
                                             "{} fejl; ret dem, før indberetningen med CPR-numre kan skrives")),
                           errors.size()));
    return kFindings;
  }
  if (!to_stdout)
    print_note(
        fmt::format(fmt::runtime(tr("wrote {} (readable by you only)", "skrev {} (kun læsbar for dig)")), o.output));
  return kOk;
}

}  // namespace

Runner setup_report(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<ReportOptions>();
  app.add_option("--quarter", o->quarter)->expected(0, 1)->option_text("[YYYY-Qn]")->required();
  app.add_option("--format", o->format)->check(CLI::IsMember({"csv", "json"}));
  app.add_flag("--pseudonym", o->pseudonym);
  auto* output = app.add_option("-o,--output", o->output)->option_text("FILE");
  app.add_flag("--force", o->force);
  return [o, &g, output] {
    o->output_given = output->count() > 0;
    return run_report(*o, g);
  };
}

}  // namespace cti::cli
