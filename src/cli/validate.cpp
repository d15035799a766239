// cti validate [--staged] [--strict] [--format text|json] [FILE...]
#include <fmt/format.h>

#include <algorithm>

#include "base/cpr_scan.hpp"
#include "base/git.hpp"
#include "base/json.hpp"
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "load/tracked_scan.hpp"
#include "rules/rules.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::count_text;
using i18n::tr;

namespace {

struct ValidateOptions {
  bool staged = false;
  bool strict = false;
  bool list_rules = false;
  std::string format = "text";
  std::vector<std::string> files;
};

std::string render_json(const Diagnostics& ds) {
  JsonWriter w;
  w.begin_object().key("diagnostics").begin_array();
  for (const auto& d : ds) {
    w.begin_object();
    w.key("file").value(d.file);
    w.key("line").value(std::max(d.pos.line, 1));
    w.key("col").value(std::max(d.pos.col, 1));
    w.key("severity").value(d.severity == Severity::error ? "error" : "warning");
    w.key("rule").value(d.rule);
    w.key("message").value(d.message);
    w.end_object();
  }
  w.end_array();
  w.key("errors").value(count_severity(ds, Severity::error));
  w.key("warnings").value(count_severity(ds, Severity::warning));
  w.end_object();
  return std::move(w).str();
}

int list_rules() {
  std::string out;
  for (const auto& r : rules::catalog())
    out += fmt::format("{:<18} {:<7} {}\n", r.name, r.severity == Severity::error ? "error" : "warning",
                       i18n::lang() == Lang::da ? r.da : r.en);
  return write_stdout(out) ? kOk : kUsage;
}

// FILE arguments as paths relative to the repository root. A directory stands for the
// files under it. A path that does not exist is a usage error (a typo would otherwise
// pass silently), unless it is one of the files read from the git index.
std::optional<std::vector<std::string>> relative_files(const std::vector<std::string>& files, const CheckedRepo& repo,
                                                       const fs::path& cwd) {
  std::vector<std::string> out;
  const fs::path root = fs::weakly_canonical(repo.root);
  for (const auto& f : files) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(cwd / f), ec);
    fs::path rel = abs.lexically_relative(root);
    if (ec || rel.empty() || *rel.begin() == "..") {
      setup_error(
          fmt::format(fmt::runtime(tr("{} is not inside the repository {}", "{} ligger ikke i repositoriet {}")),
                      privacy::redact(f), repo.root.string()));
      return std::nullopt;
    }
    std::string r = rel.generic_string();
    bool loaded = r == kConfigFile || std::any_of(repo.forloeb.begin(), repo.forloeb.end(),
                                                  [&](const Forloeb& fl) { return fl.file == r; });
    if (!loaded && !fs::exists(abs, ec)) {
      setup_error(fmt::format(fmt::runtime(tr("{}: no such file", "{}: filen findes ikke")), privacy::redact(f)));
      return std::nullopt;
    }
    if (r == ".")
      r.clear();
    else if (fs::is_directory(abs, ec))
      r += "/";
    out.push_back(r);
  }
  return out;
}

bool selected(const std::string& file, const std::vector<std::string>& wanted) {
  for (const auto& w : wanted)
    if (w.empty() || file == w || (w.back() == '/' && file.rfind(w, 0) == 0)) return true;
  return false;
}

int run_validate(const ValidateOptions& o, const GlobalOptions& g) {
  if (o.list_rules) {
    settle_language(g, find_repo_root(start_dir(g)));
    return list_rules();
  }
  auto today = resolve_today(g);
  if (!today) return kUsage;
  // A CPR number may not hide in any tracked file, not only in the case files.
  // Key lines due for deletion are a warning about the work tree; --staged judges only what
  // is committed, and the key file never is.
  auto repo = open_checked(g, *today, {o.staged ? Snapshot::index : Snapshot::worktree, true, !o.staged});
  if (!repo) return kUsage;
  Diagnostics ds = repo->all_diagnostics();

  if (!o.files.empty()) {
    auto wanted = relative_files(o.files, *repo, start_dir(g));
    if (!wanted) return kUsage;
    std::erase_if(ds, [&](const Diagnostic& d) { return !selected(d.file, *wanted); });
  }
  // A file name can itself hold a CPR number ([cpr-leak] says so); never print it.
  for (auto& d : ds) d.file = privacy::redact(d.file);

  int errors = count_severity(ds, Severity::error);
  int warnings = count_severity(ds, Severity::warning);
  std::string out;
  if (o.format == "json") {
    out = render_json(ds);
  } else {
    for (auto d : ds) {
      d.file = privacy::redact(display_path(repo->root, d.file));
      out += format_diagnostic(d) + "\n";
    }
  }
  if (!write_stdout(out)) return kUsage;
  if (o.format == "text") {
    std::size_t files = repo->forloeb.size() + 1;
    print_note(count_text(errors, "{} error", "{} errors", "{} fejl", "{} fejl") + ", " +
               count_text(warnings, "{} warning", "{} warnings", "{} advarsel", "{} advarsler") +
               std::string(tr(" in ", " i ")) +
               count_text(static_cast<long long>(files), "{} file", "{} files", "{} fil", "{} filer") +
               std::string(o.staged ? tr(" (staged)", " (i indekset)") : ""));
  }
  if (errors > 0 || (o.strict && warnings > 0)) return kFindings;
  return kOk;
}

}  // namespace

Runner setup_validate(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<ValidateOptions>();
  app.add_flag("--staged", o->staged);
  app.add_flag("--strict", o->strict);
  app.add_option("--format", o->format)->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--list-rules", o->list_rules);
  app.add_option("files", o->files)->option_text("FILE...");
  return [o, &g] { return run_validate(*o, g); };
}

}  // namespace cti::cli
