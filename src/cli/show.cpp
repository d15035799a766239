// cti show ID [--horizon DAYS]: one forløb's timeline (SPEC section 6).
#include "report/show.hpp"

#include <fmt/format.h>

#include <algorithm>

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

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The digits an id ends with, without leading zeros ("K-0007" -> "7").
std::string trailing_number(std::string_view id) {
  std::size_t i = id.size();
  while (i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9') --i;
  std::string_view digits = id.substr(i);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return std::string(digits);
}

// The forløb the argument names: its id, its file (forloeb/K-0007.yaml), or just its
// number ("7" or "0007") when exactly one id ends with that number.
const Forloeb* find_forloeb(const CheckedRepo& repo, std::string arg) {
  if (arg.ends_with(".yaml")) arg = std::filesystem::path(arg).stem().string();
  for (const auto& f : repo.forloeb)
    if (f.display_id() == arg || f.stem == arg) return &f;
  if (!all_digits(arg)) return nullptr;
  const Forloeb* found = nullptr;
  for (const auto& f : repo.forloeb)
    if (trailing_number(f.display_id()) == trailing_number(arg)) {
      if (found) return nullptr;  // ambiguous
      found = &f;
    }
  return found;
}

int unknown_id(const CheckedRepo& repo, const std::string& arg) {
  std::vector<std::string> ids;
  for (const auto& f : repo.forloeb) ids.push_back(f.display_id());
  std::string msg =
      fmt::format(fmt::runtime(tr("no forløb '{}' in {}/", "intet forløb '{}' i {}/")), privacy::redact(arg), kCaseDir);
  if (auto s = suggest(arg, ids))
    msg += fmt::format(fmt::runtime(tr(" (did you mean '{}'?)", " (mente du '{}'?)")), *s);
  else if (ids.empty())
    msg += std::string(tr("; the repository has no forløb yet (cti new creates one)",
                          "; repositoriet har ingen forløb endnu (cti new opretter et)"));
  else
    msg += fmt::format(fmt::runtime(tr("; cti status lists the {} forløb", "; cti status viser de {} forløb")),
                       ids.size());
  return setup_error(msg);
}

int run_show(const ShowArgs& a, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  const Forloeb* f = find_forloeb(*repo, a.id);
  if (!f) return unknown_id(*repo, a.id);
  if (f->has_errors())
    return setup_error(fmt::format(fmt::runtime(tr("{} has errors; run cti validate {} and fix them first",
                                                   "{} har fejl; kør cti validate {} og ret dem først")),
                                   f->file, f->file));
  std::string out = report::render_show(repo->project, *f, {*today, a.horizon, use_color(g, stdout)});
  if (!print_output(out)) return kUsage;
  return kOk;
}

}  // namespace

Runner setup_show(CLI::App& app, const GlobalOptions& g) {
  auto a = std::make_shared<ShowArgs>();
  app.add_option("ID", a->id, "The forløb: its id (K-0007), its file, or its number (7)")->required();
  app.add_option("--horizon", a->horizon, "Items due within DAYS days count as due soon (default 14)")
      ->option_text("DAYS")
      ->check(CLI::Range(0, 3660));
  return [a, &g] { return run_show(*a, g); };
}

}  // namespace cti::cli
