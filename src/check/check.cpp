#include "check/check.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "base/ids.hpp"
#include "load/key_retention.hpp"
#include "load/tracked_scan.hpp"
#include "rules/rules.hpp"

namespace fs = std::filesystem;

namespace cti {

Diagnostics CheckedRepo::all_diagnostics() const {
  Diagnostics out = repo_diagnostics;
  for (const auto& f : forloeb) out.insert(out.end(), f.diagnostics.begin(), f.diagnostics.end());
  sort_diagnostics(out);
  return out;
}

int CheckedRepo::invalid() const {
  return static_cast<int>(
      std::count_if(forloeb.begin(), forloeb.end(), [](const Forloeb& f) { return f.has_errors(); }));
}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// [cpr-retention] when the key file exists and can be read; its own problems are the
// report's to tell (a broken or missing key file is nothing validate warns about).
void retention_warnings(const CheckOptions& o, const LoadedRepo& repo, Diagnostics& out) {
  std::error_code ec;
  if (o.key_file.empty() || !fs::is_regular_file(o.key_file, ec)) return;
  fs::path rel = o.key_file.lexically_relative(repo.root);
  const bool inside = !rel.empty() && *rel.begin() != "..";
  auto read = privacy::read_key_file(o.key_file, inside ? rel.generic_string() : o.key_file.string());
  if (const auto* keys = std::get_if<privacy::KeyFile>(&read))
    privacy::check_retention(*keys, privacy::key_periods(repo.forloeb), repo.project.cpr_keep_quarters, o.today, {},
                             out);
}

}  // namespace

namespace {

// "MH7", "mh-7", "MH-007" -> {"MH", "7"}; "7" -> {"", "7"}; anything else -> nothing.
std::optional<std::pair<std::string, std::string>> short_form(std::string_view arg) {
  std::size_t i = 0;
  std::string code;
  while (i < arg.size() && std::isalpha(static_cast<unsigned char>(arg[i])) && code.size() < 5)
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(arg[i++])));
  if (code.size() > 4) return std::nullopt;
  if (!code.empty() && i < arg.size() && arg[i] == '-') ++i;
  std::string_view digits = arg.substr(i);
  if (!all_digits(digits)) return std::nullopt;
  return std::pair{code, std::string(trailing_number(digits))};
}

// Whether `id` is prefix + CODE + "-" + digits of that number (K-MH-007 for MH 7), or,
// without a code, any id ending in that number (K-0007, K-MH-007 for 7).
bool ends_with_number(std::string_view id, const std::string& prefix, const std::string& code,
                      const std::string& number) {
  if (trailing_number(id) != number) return false;
  if (code.empty()) return true;
  if (!id.starts_with(prefix)) return false;
  std::string_view rest = id.substr(prefix.size());
  if (rest.size() <= code.size() || rest[code.size()] != '-') return false;
  return std::equal(code.begin(), code.end(), rest.begin(),
                    [](char c, char r) { return std::toupper(static_cast<unsigned char>(r)) == c; }) &&
         all_digits(rest.substr(code.size() + 1));
}

}  // namespace

std::vector<const Forloeb*> CheckedRepo::find(std::string_view arg) const {
  std::vector<const Forloeb*> out = candidates(arg);
  if (out.size() > 1 && std::any_of(out.begin(), out.end(),
                                    [&](const Forloeb* f) { return f->display_id() != out.front()->display_id(); }))
    out.clear();  // ambiguous: several ids end with that number
  return out;
}

std::vector<const Forloeb*> CheckedRepo::candidates(std::string_view arg) const {
  std::vector<const Forloeb*> out;
  std::string_view name = arg;
  if (name.ends_with(".yaml")) {
    for (const auto& f : forloeb)
      if (f.file == arg || ("./" + f.file) == arg) return {&f};
    name.remove_suffix(5);
    if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  }
  for (const auto& f : forloeb)
    if (f.display_id() == name || f.stem == name) out.push_back(&f);
  if (!out.empty()) return out;
  auto shortened = short_form(name);
  if (!shortened) return out;
  for (const auto& f : forloeb)
    if (ends_with_number(f.display_id(), project.id_prefix, shortened->first, shortened->second)) out.push_back(&f);
  return out;
}

std::variant<CheckedRepo, std::string> check_repo(const CheckOptions& o) {
  auto loaded = load_repo(o.root, o.snapshot, o.use_cache);
  if (auto* err = std::get_if<std::string>(&loaded)) return *err;
  LoadedRepo& repo = std::get<LoadedRepo>(loaded);
  if (!repo.index) repo.index = git::list_index(repo.root);

  rules::Facts facts{o.today, false, ""};
  fs::path rel = o.key_file.lexically_relative(repo.root);
  if (repo.index && !rel.empty() && *rel.begin() != "..") {
    facts.cpr_file = rel.generic_string();
    facts.cpr_file_tracked = git::is_tracked(*repo.index, facts.cpr_file);
  }
  if (o.scan_tracked) scan_tracked_files(repo, repo.index, facts.cpr_file, repo.diagnostics);
  Diagnostics ds = rules::validate(repo, facts);
  if (o.key_retention) retention_warnings(o, repo, ds);

  CheckedRepo out;
  out.root = repo.root;
  out.snapshot = repo.snapshot;
  out.today = o.today;
  out.index = std::move(repo.index);
  out.other_staged = std::move(repo.other_staged);
  out.from_cache = repo.from_cache;
  // Views of the records' own paths (the records do not move again): no copy per file.
  std::unordered_map<std::string_view, std::size_t> by_file;
  out.forloeb = std::move(repo.forloeb);
  by_file.reserve(out.forloeb.size());
  for (std::size_t i = 0; i < out.forloeb.size(); ++i) by_file.emplace(out.forloeb[i].file, i);
  for (auto& d : ds) {
    auto it = by_file.find(d.file);
    if (it == by_file.end())
      out.repo_diagnostics.push_back(std::move(d));
    else
      out.forloeb[it->second].diagnostics.push_back(std::move(d));
  }
  out.project = std::move(repo.project);
  return out;
}

}  // namespace cti
