#include "cli/common.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <future>
#include <optional>
#include <system_error>
#include <utility>

#include "base/cpr_scan.hpp"
#include "base/git.hpp"
#include "base/ids.hpp"
#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "cli/git_setup.hpp"
#include "io/out.hpp"
#include "load/case_cache.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

int setup_error(const std::string& message) {
  io::err().print(fmt::format("cti: {}: {}\n", tr("error", "fejl"), message));
  return kUsage;
}

void print_note(const std::string& message) {
  io::err().print(fmt::format("cti: {}\n", message));
}

std::optional<Date> resolve_today(const GlobalOptions& g) {
  std::string text = g.today;
  const char* source = "--today";
  if (text.empty()) {
    if (const char* env = std::getenv("CTI_TODAY"); env && *env) {
      text = env;
      source = "CTI_TODAY";
    }
  }
  if (text.empty()) {
    // The local calendar date (TZ honoured): between midnight and 01:00 in Denmark the
    // UTC date is still yesterday.
    return local_date(std::time(nullptr));
  }
  return parse_date_option(text, source);
}

std::optional<Date> parse_date_option(const std::string& text, std::string_view option) {
  auto d = parse_date(text);
  if (d && year_in_range(*d)) return d;
  if (d) {
    setup_error(fmt::format(fmt::runtime(tr("{} must be a date in the years {} to {}, not '{}'",
                                            "{} skal være en dato i årene {} til {}, ikke '{}'")),
                            option, kFirstYear, kLastYear, text));
    return std::nullopt;
  }
  // Rightly written, but no such day: say so, not that the format is wrong.
  if (auto why = why_no_such_day(text); !why.empty()) {
    setup_error(
        fmt::format(fmt::runtime(tr("{}: {} does not exist: {}", "{}: {} findes ikke: {}")), option, text, why));
    return std::nullopt;
  }
  setup_error(fmt::format(
      fmt::runtime(tr("{} must be a date YYYY-MM-DD, not '{}'", "{} skal være en dato ÅÅÅÅ-MM-DD, ikke '{}'")), option,
      text));
  return std::nullopt;
}

fs::path start_dir(const GlobalOptions& g) {
  std::error_code ec;
  return g.dir.empty() ? fs::current_path(ec) : fs::path(g.dir);
}

void settle_language(const GlobalOptions& g, const std::optional<fs::path>& root) {
  if (auto l = i18n::parse_lang(g.lang)) {
    i18n::set_lang(*l);
    return;
  }
  if (root)
    if (auto l = peek_repo_lang(*root)) {
      i18n::set_lang(*l);
      return;
    }
  i18n::set_lang(i18n::lang_from_locale());
}

std::optional<fs::path> find_root(const GlobalOptions& g) {
  fs::path start = start_dir(g);
  std::error_code ec;
  if (!g.dir.empty() && !fs::is_directory(start, ec)) {
    settle_language(g, std::nullopt);
    setup_error(fmt::format(fmt::runtime(tr("-C {}: no such directory", "-C {}: mappen findes ikke")), g.dir));
    return std::nullopt;
  }
  auto root = find_repo_root(start);
  settle_language(g, root);
  if (!root)
    setup_error(std::string(
        tr("no cti.yaml here or in any parent directory; run 'cti init' to create a repository",
           "ingen cti.yaml her eller i en overliggende mappe; kør 'cti init' for at oprette et repository")));
  return root;
}

OpenRepo::OpenRepo(CheckedRepo&& r) {
  static auto* kept = new std::deque<CheckedRepo>;  // never freed: see common.hpp
  repo_ = &kept->emplace_back(std::move(r));
}

OpenRepo open_checked(const GlobalOptions& g, Date today, OpenOptions o) {
  auto root = find_root(g);
  if (!root) return {};
  // The hooks and merge driver are asked of git on another thread while the repository
  // is read (two git runs that would otherwise come first); the environment git runs
  // with is settled before, on this thread.
  git::settle_environment();
  std::future<std::optional<std::string>> guards;
  static bool guards_asked = false;  // once per process: a second reading says nothing new
  if (o.snapshot == Snapshot::worktree && !std::exchange(guards_asked, true)) {
    try {
      guards = std::async(std::launch::async, [dir = *root] { return missing_guards_note(dir); });
    } catch (const std::system_error&) {  // no thread to be had: ask now
      print_guards_note(missing_guards_note(*root));
    }
  }
  CheckOptions check{*root, o.snapshot, today, cpr_file_path(g, *root), o.scan_tracked, o.key_retention};
  check.use_cache = !g.no_cache && !cache_disabled_by_environment();
  auto checked = check_repo(check);
  if (guards.valid()) print_guards_note(guards.get());
  if (auto* err = std::get_if<std::string>(&checked)) {
    setup_error(*err);
    return {};
  }
  if (const char* trace = std::getenv("CTI_CACHE_TRACE"); trace && *trace) {
    const auto& repo = std::get<CheckedRepo>(checked);
    print_note(fmt::format(fmt::runtime(tr("cache: {} of {} forløb files read from the cache{}",
                                           "cache: {} af {} forløbsfiler læst fra cachen{}")),
                           repo.from_cache, repo.forloeb.size(),
                           check.use_cache ? "" : tr(" (turned off)", " (slået fra)")));
  }
  return OpenRepo(std::move(std::get<CheckedRepo>(checked)));
}

fs::path cpr_file_path(const GlobalOptions& g, const fs::path& root) {
  if (!g.cpr_file.empty()) return fs::absolute(g.cpr_file);
  if (const char* env = std::getenv("CTI_CPR_FILE"); env && *env) return fs::absolute(env);
  return root / "cpr.yaml";
}

bool use_color(const GlobalOptions& g, std::FILE* stream) {
  if (g.color == "always") return true;
  if (g.color == "never") return false;
  if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;
  return isatty(fileno(stream)) != 0;
}

CLI::Option* add_worker_option(CLI::App& app, std::string& target) {
  return app.add_option("--worker,--medarbejder", target);
}

bool write_stdout(const std::string& text) {
  return io::out().print(text);
}

bool print_output(const std::string& text) {
  if (write_stdout(text)) return true;
  setup_error(std::string(tr("cannot write to standard output", "kan ikke skrive til standard output")));
  return false;
}

}  // namespace cti::cli

namespace cti::cli {

std::size_t output_width() {
  if (const char* env = std::getenv("COLUMNS"); env && *env) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end == '\0' && n > 0 && n < 100000) return static_cast<std::size_t>(n);
  }
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 0;
}

}  // namespace cti::cli

namespace cti::cli {

namespace {

// The resolved repository root and working directory (symlinks, ".."), once per root:
// a command names thousands of files, and resolving costs a readlink per path part.
struct ResolvedDirs {
  fs::path root;       // as asked
  fs::path top, here;  // resolved
  bool ok = false;
  std::optional<std::string> inside;   // here below top: its path from top, "" or "sub/dir/"
  std::optional<std::string> outside;  // here not below top: what comes before a plain path
};

// `repo_relative` as named from the working directory, by path arithmetic: relative to
// it, unless that climbs to the top of the file system, then absolute.
std::string named_from_here(const ResolvedDirs& dirs, std::string_view repo_relative) {
  const fs::path file = (dirs.top / fs::path(std::string(repo_relative))).lexically_normal();
  const fs::path& here = dirs.here;
  const fs::path rel = file.lexically_relative(here);
  if (rel.empty()) return file.generic_string();
  std::size_t up = 0, depth = 0;
  for (const auto& part : rel) up += part == "..";
  for (const auto& part : here.relative_path()) depth += !part.empty();
  if (up > 0 && up >= depth) return file.generic_string();
  std::string out = rel.generic_string();
  // "forloeb/" stays a directory when it is named as one.
  if (!repo_relative.empty() && repo_relative.back() == '/' && out.back() != '/') out += '/';
  return out;
}

// A path of plain names ("forloeb/K-0007.yaml"): no "." or "..", no empty part, not absolute.
bool plain_relative(std::string_view p) {
  if (p.empty()) return false;
  for (std::size_t from = 0;;) {
    const std::size_t slash = std::min(p.find('/', from), p.size());
    const std::string_view part = p.substr(from, slash - from);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == p.size()) return true;
    from = slash + 1;
  }
}

const ResolvedDirs& resolved_dirs(const fs::path& root, const fs::path& cwd) {
  static ResolvedDirs memo;
  if (memo.ok && memo.root == root) return memo;
  std::error_code ec;
  memo = ResolvedDirs{root, fs::weakly_canonical(fs::absolute(root, ec), ec), {}, false, std::nullopt, std::nullopt};
  if (ec) return memo;
  memo.here = fs::weakly_canonical(cwd, ec);
  memo.ok = !ec;
  if (!memo.ok) return memo;
  const fs::path from_top = memo.here.lexically_relative(memo.top);
  const std::string from = from_top.generic_string();
  if (from == ".") {
    memo.inside = "";
  } else if (!from.empty() && plain_relative(from)) {
    memo.inside = from + "/";
  } else {
    // Outside the repository every plain path gets the same climb and the root's own
    // path in front of it (or the root's absolute path): worked out once, on a probe.
    std::string probe = named_from_here(memo, "x");
    probe.pop_back();
    memo.outside = std::move(probe);
  }
  return memo;
}

}  // namespace

std::string display_path(const fs::path& root, std::string_view repo_relative) {
  // The working directory is settled (-C) before any file is named: asked once.
  static std::error_code ec;
  static const fs::path cwd = fs::current_path(ec);
  if (ec) return std::string(repo_relative);
  // The directories are resolved (symlinks, ".."), the file itself is not.
  const ResolvedDirs& dirs = resolved_dirs(root, cwd);
  if (!dirs.ok) return std::string(repo_relative);
  // The common case without path objects (a board names thousands of files): a plain
  // path below the working directory loses the working directory's part.
  if (dirs.inside && plain_relative(repo_relative) && repo_relative.size() > dirs.inside->size() &&
      repo_relative.starts_with(*dirs.inside))
    return std::string(repo_relative.substr(dirs.inside->size()));
  if (dirs.outside && plain_relative(repo_relative)) return *dirs.outside + std::string(repo_relative);
  return named_from_here(dirs, repo_relative);
}

}  // namespace cti::cli

namespace cti::cli {

std::string no_such_forloeb(const CheckedRepo& repo, std::string_view id) {
  std::vector<std::string> named;
  for (const Forloeb* f : repo.candidates(id))
    if (std::find(named.begin(), named.end(), f->display_id()) == named.end()) named.push_back(f->display_id());
  if (named.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < named.size(); ++i)
      list += (i == 0 ? "" : i + 1 == named.size() ? std::string(tr(" or ", " eller ")) : ", ") + named[i];
    return fmt::format(fmt::runtime(tr("'{}' could be {}; write the whole id", "'{}' kan være {}; skriv hele id'et")),
                       privacy::redact(id), list);
  }
  std::vector<std::string> ids;
  for (const auto& f : repo.forloeb) ids.push_back(f.display_id());
  std::string msg =
      fmt::format(fmt::runtime(tr("no forløb '{}' in {}/", "intet forløb '{}' i {}/")), privacy::redact(id), kCaseDir);
  // A number is compared with the numbers ids end with ("100" is one digit from K-0010's
  // 10, two from K-0001's 1), the closest first; else the ids as words.
  std::string hint;
  if (!id.empty() && std::all_of(id.begin(), id.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    std::vector<std::string> numbers;
    for (const auto& i : ids) numbers.emplace_back(trailing_number(i));
    if (auto near = suggest(trailing_number(id), numbers); near && edit_distance(*near, trailing_number(id)) <= 1)
      for (const auto& i : ids)
        if (trailing_number(i) == *near) {
          hint = fmt::format(fmt::runtime(tr(" (did you mean '{}'?)", " (mente du '{}'?)")), i);
          break;
        }
  } else {
    hint = did_you_mean(id, ids);
  }
  if (!hint.empty())
    msg += hint;
  else if (ids.empty())
    msg += std::string(tr("; the repository has no forløb yet (cti new creates one)",
                          "; repositoriet har ingen forløb endnu (cti new opretter et)"));
  else
    msg += fmt::format(fmt::runtime(tr("; cti status lists the {} forløb", "; cti status viser de {} forløb")),
                       ids.size());
  return msg;
}

}  // namespace cti::cli
