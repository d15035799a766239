#include "cli/common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "base/lang.hpp"
#include "io/out.hpp"

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
    auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date{now};
  }
  return parse_date_option(text, source);
}

std::optional<Date> parse_date_option(const std::string& text, std::string_view option) {
  if (auto d = parse_date(text)) return d;
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

std::optional<CheckedRepo> open_checked(const GlobalOptions& g, Date today, OpenOptions o) {
  auto root = find_root(g);
  if (!root) return std::nullopt;
  auto checked = check_repo({*root, o.snapshot, today, cpr_file_path(g, *root), o.scan_tracked});
  if (auto* err = std::get_if<std::string>(&checked)) {
    setup_error(*err);
    return std::nullopt;
  }
  return std::move(std::get<CheckedRepo>(checked));
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
  return app.add_option("--worker,--medarbejder", target, "Only this worker's forløb (medarbejder id)");
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
