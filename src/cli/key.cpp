// cti key add ID | cti key check [--quarter Q]: the key file (case id -> CPR number) in a
// team (SPEC 9). `add` reads the number from standard input (no echo on a terminal, so it
// never lands in shell history or on the screen), checks it and appends one line through
// the file writer at mode 0600; `check` names the forløb a quarter's report needs a CPR for
// and the key file lacks. No CPR number is ever printed: messages name case ids.
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "base/cpr.hpp"
#include "base/cpr_scan.hpp"
#include "base/git.hpp"
#include "base/lang.hpp"
#include "base/unicode.hpp"
#include "cli/commands.hpp"
#include "cli/team.hpp"
#include "io/files.hpp"
#include "io/out.hpp"
#include "load/key_retention.hpp"
#include "load/keyfile.hpp"
#include "report/quarter.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::count_text;
using i18n::tr;

namespace {

struct KeyOptions {
  std::string id;
  std::string quarter;  // check: empty = the last completed quarter
};

// One line from standard input; on a terminal with echo off (restored on every way out).
std::optional<std::string> read_secret(const std::string& prompt) {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    // Echo off before the prompt, so nothing typed after it is ever shown.
    if (tcgetattr(STDIN_FILENO, &old) == 0) {
      termios quiet = old;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    io::err().print(prompt);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSADRAIN, &old);
    io::err().print("\n");
  }
  if (!got) return std::nullopt;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
  std::size_t b = line.find_first_not_of(" \t");
  return b == std::string::npos ? std::string() : line.substr(b);
}

// Where the key file's bytes go: through a symbolic link to its target (a link to a
// protected drive stays a link). Inside the case repository it must be ignored by git.
std::variant<fs::path, std::string> key_target(const fs::path& key_file, const fs::path& root) {
  std::error_code ec;
  fs::path target = key_file;
  if (fs::is_symlink(fs::symlink_status(key_file, ec))) {
    target = fs::weakly_canonical(key_file, ec);
    if (ec)
      return fmt::format(fmt::runtime(tr("the key file {} cannot be resolved", "nøglefilen {} kan ikke findes")),
                         key_file.string());
  }
  const auto st = fs::status(target, ec);
  if (fs::exists(st) && !fs::is_regular_file(st))
    return fmt::format(
        fmt::runtime(tr("the key file {} is not a regular file", "nøglefilen {} er ikke en almindelig fil")),
        key_file.string());
  fs::path rel = fs::weakly_canonical(target, ec).lexically_relative(fs::weakly_canonical(root, ec));
  const bool inside = !rel.empty() && *rel.begin() != "..";
  if (inside && !git::ignores(root, rel))
    return fmt::format(
        fmt::runtime(tr("the key file {} is inside the case repository and git does not ignore it; keep it outside "
                        "(CTI_CPR_FILE) or add it to .gitignore",
                        "nøglefilen {} ligger i sagsrepositoriet og ignoreres ikke af git; læg den udenfor "
                        "(CTI_CPR_FILE) eller tilføj den til .gitignore")),
        rel.generic_string());
  return target;
}

constexpr const char* kHeader =
    "# cti's key file: case id -> CPR number. The only place CPR numbers are kept; never\n"
    "# commit it. Add lines with: cti key add ID (the number is read without echo).\n";

int run_add(const KeyOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  auto found = repo->find(nfc(o.id));
  if (found.size() != 1)
    return setup_error(found.empty()
                           ? no_such_forloeb(*repo, o.id)
                           : fmt::format(fmt::runtime(tr("more than one forløb matches '{}'; give the full id",
                                                         "mere end ét forløb passer på '{}'; giv hele id'et")),
                                         privacy::redact(o.id)));
  const std::string id = found.front()->display_id();
  const fs::path key_file = cpr_file_path(g, repo->root);
  auto where = key_target(key_file, repo->root);
  if (auto* err = std::get_if<std::string>(&where)) return setup_error(*err);
  const fs::path target = std::get<fs::path>(where);

  std::string bytes;
  std::error_code ec;
  if (fs::exists(target, ec)) {
    auto text = read_text_file(target);
    if (!text)
      return setup_error(fmt::format(fmt::runtime(tr("the key file {} cannot be read", "nøglefilen {} kan ikke læses")),
                                     key_file.string()));
    bytes = *text;
    auto keys = privacy::parse_key_file(bytes, key_file.filename().string());
    if (keys.by_id.count(id) || keys.rejected.count(id))
      return setup_error(fmt::format(
          fmt::runtime(tr("the key file has a line for {} already; change it by hand if it is wrong",
                          "nøglefilen har allerede en linje for {}; ret den i hånden, hvis den er forkert")),
          id));
  }

  auto line = read_secret(
      fmt::format(fmt::runtime(tr("CPR number for {} (not shown): ", "CPR-nummer for {} (vises ikke): ")), id));
  if (!line || line->empty())
    return setup_error(fmt::format(fmt::runtime(tr("no CPR number on standard input for {}; nothing was written",
                                                   "intet CPR-nummer på standard input for {}; intet er skrevet")),
                                   id));
  auto cpr = privacy::Cpr::parse(*line);
  line->assign(line->size(), ' ');
  if (!cpr)
    return setup_error(fmt::format(
        fmt::runtime(tr("what was read for {} is no CPR number (DDMMYY-SSSS, a real date); nothing was written",
                        "det indlæste for {} er intet CPR-nummer (DDMMÅÅ-SSSS, en rigtig dato); intet er skrevet")),
        id));

  const std::string eol = bytes.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::string out = bytes.empty() ? std::string(kHeader) : bytes;
  if (!out.empty() && out.back() != '\n') out += eol;
  out += id + ": \"" + cpr->reveal_for_report() + "\"" + eol;

  // The new file must still be a valid key file, and the number not another borger's
  // whose forløb overlaps this one.
  auto after = privacy::parse_key_file(out, key_file.filename().string());
  Diagnostics diags;
  privacy::check_keys(after, {id}, privacy::key_periods(repo->forloeb), diags);
  for (const auto& d : diags)
    if (d.severity == Severity::error)
      return setup_error(
          fmt::format(fmt::runtime(tr("{}; nothing was written", "{}; intet er skrevet")), privacy::redact(d.message)));
  if (auto err = replace_file(target, out, 0600))
    return setup_error(
        fmt::format(fmt::runtime(tr("the key file could not be written ({})", "nøglefilen kunne ikke skrives ({})")),
                    privacy::redact(*err)));
  print_note(fmt::format(fmt::runtime(tr("added the CPR number of {} to {}", "tilføjede CPR-nummeret for {} til {}")),
                         id, key_file.string()));
  return kOk;
}

int run_check(const KeyOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  auto quarter = quarter_option(o.quarter, *today);
  if (!quarter) return kUsage;
  const report::Quarter q = *quarter;
  std::vector<std::string> needed;
  for (const auto& r : report::quarter_rows(repo->forloeb, q)) needed.push_back(r.id);
  const fs::path key_file = cpr_file_path(g, repo->root);
  privacy::KeyFile keys;
  keys.file = key_file.string();
  std::error_code ec;
  if (fs::exists(key_file, ec)) {
    auto read = privacy::read_key_file(key_file, key_file.string());
    if (auto* err = std::get_if<std::string>(&read)) return setup_error(*err);
    keys = std::move(std::get<privacy::KeyFile>(read));
  }
  Diagnostics diags;
  privacy::check_keys(keys, needed, privacy::key_periods(repo->forloeb), diags);
  sort_diagnostics(diags);
  std::string out;
  int missing = 0, errors = 0;
  for (const auto& d : diags) {
    if (d.rule == "cpr-missing") ++missing;
    if (d.severity == Severity::error) ++errors;
    out += format_key_diagnostic(d) + "\n";
  }
  if (!print_output(out)) return kUsage;
  print_note(fmt::format(fmt::runtime(tr("{}: {} forløb in the report, {} without a CPR number in {}; {}",
                                         "{}: {} forløb i indberetningen, {} uden CPR-nummer i {}; {}")),
                         q.name(), needed.size(), missing, key_file.string(),
                         count_text(errors, "{} error", "{} errors", "{} fejl", "{} fejl")));
  return errors ? kFindings : kOk;
}

}  // namespace

Runner setup_key(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<KeyOptions>();
  app.require_subcommand(1);
  CLI::App* add = app.add_subcommand("add");
  add->add_option("ID", o->id)->required();
  CLI::App* check = app.add_subcommand("check");
  check->add_option("--quarter", o->quarter)->expected(0, 1)->option_text("[YYYY-Qn]");
  return [o, &g, add] { return add->parsed() ? run_add(*o, g) : run_check(*o, g); };
}

}  // namespace cti::cli
