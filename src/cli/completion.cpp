// cti completion bash|zsh|fish: prints the completion script for a shell, generated
// from the command table; cti __complete workers|ids|items|subgroups|areas|roles
// (hidden): the
// values from the repository that the scripts ask for while the user types.
#include "cli/completion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "cli/commands.hpp"

namespace cti::cli {

const char* kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::none:
      return "none";
    case ValueKind::values:
      return "values";
    case ValueKind::workers:
      return "workers";
    case ValueKind::ids:
      return "ids";
    case ValueKind::items:
      return "items";
    case ValueKind::subgroups:
      return "subgroups";
    case ValueKind::areas:
      return "areas";
    case ValueKind::roles:
      return "roles";
    case ValueKind::file:
      return "file";
    case ValueKind::dir:
      return "dir";
  }
  return "none";
}

namespace {

bool has_word(const std::string& text, std::string_view word) {
  std::string upper;
  for (char c : text) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return upper.find(word) != std::string::npos;
}

// The fixed values of an IsMember check: "TEXT:{table,json,csv}" -> table, json, csv.
std::vector<std::string> member_values(const CLI::Option& o) {
  std::vector<std::string> out;
  const std::string t = o.get_type_name();
  auto open = t.find(":{");
  if (open == std::string::npos || t.back() != '}') return out;
  std::string set = t.substr(open + 2, t.size() - open - 3);
  std::size_t start = 0;
  while (start <= set.size()) {
    auto comma = set.find(',', start);
    if (comma == std::string::npos) comma = set.size();
    if (comma > start) out.push_back(set.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

ValueKind kind_of(const CLI::Option& o, const std::vector<std::string>& values) {
  if (!values.empty()) return ValueKind::values;
  const std::string names = o.get_name(false, true) + " " + o.get_option_text();
  if (has_word(names, "WORKER") || has_word(names, "MEDARBEJDER")) return ValueKind::workers;
  if (has_word(names, "SUBGROUP") || has_word(names, "DELMAALGRUPPE")) return ValueKind::subgroups;
  if (has_word(names, "ITEM")) return ValueKind::items;
  if (has_word(names, "AREA")) return ValueKind::areas;
  if (has_word(names + " " + o.get_type_name(), "ROLE")) return ValueKind::roles;  // set's VALUE: DATE|ROLE
  if (has_word(names, "DIR")) return ValueKind::dir;
  if (has_word(names, "FILE") || has_word(names, "PATH")) return ValueKind::file;
  const std::string text = o.get_option_text().empty() ? o.get_name() : o.get_option_text();
  if (text == "ID" || text == "CASE") return ValueKind::ids;
  return ValueKind::none;
}

CompletionCommand command_of(const CLI::App& app, const std::string& path) {
  CompletionCommand c;
  c.name = app.get_name();
  c.path = path;
  c.help = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    auto values = member_values(*o);
    if (o->get_positional()) {
      c.positionals.push_back({o->get_name(), kind_of(*o, values), values, o->get_items_expected_max() > 1});
      continue;
    }
    CompletionOption opt;
    for (const auto& s : o->get_snames()) opt.names.push_back("-" + s);
    for (const auto& l : o->get_lnames()) opt.names.push_back("--" + l);
    opt.help = o->get_description();
    opt.takes_value = o->get_items_expected_min() > 0;
    opt.kind = opt.takes_value ? kind_of(*o, values) : ValueKind::none;
    opt.values = std::move(values);
    c.options.push_back(std::move(opt));
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) continue;  // hidden (__complete)
    c.subcommands.push_back(command_of(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
  }
  return c;
}

void collect(const CompletionCommand& c, std::vector<const CompletionCommand*>& out) {
  out.push_back(&c);
  for (const auto& s : c.subcommands) collect(s, out);
}

int run_completion(const std::string& shell, const CLI::App& root) {
  auto m = completion_model(root);
  std::string out = shell == "bash" ? bash_completion(m) : shell == "zsh" ? zsh_completion(m) : fish_completion(m);
  return print_output(out) ? kOk : kUsage;
}

int run_complete(const std::string& what, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  std::set<std::string> seen;
  std::vector<std::string> out;
  auto add = [&](const std::string& v) {
    if (!v.empty() && seen.insert(v).second) out.push_back(v);
  };
  if (what == "workers") {
    for (const auto& w : repo->project.workers) add(w.id);
  } else if (what == "ids") {
    for (const auto& f : repo->forloeb) add(f.id ? *f.id : f.stem);
    std::sort(out.begin(), out.end());
  } else if (what == "items") {
    for (const auto& i : repo->project.checklist()) add(i.id);
  } else if (what == "subgroups") {
    for (const auto& s : repo->project.subgroups) add(*s);
  } else if (what == "areas") {
    for (const auto& a : repo->project.all_areas()) add(a);
  } else if (what == "roles") {
    for (const auto& r : repo->project.all_roles()) add(r);
  }
  std::string text;
  for (const auto& v : out) text += v + "\n";
  return print_output(text) ? kOk : kUsage;
}

}  // namespace

CompletionModel completion_model(const CLI::App& app) {
  CompletionModel m;
  m.root = command_of(app, "");
  m.root.name = "cti";
  for (const auto& o : m.root.options) {
    bool own = false;  // --help and --version belong to cti itself, not to every command
    for (const auto& n : o.names) own = own || n == "-h" || n == "--help" || n == "--version";
    if (!own) m.globals.push_back(o);
  }
  return m;
}

std::vector<const CompletionCommand*> all_commands(const CompletionCommand& c) {
  std::vector<const CompletionCommand*> out;
  collect(c, out);
  return out;
}

Runner setup_completion(CLI::App& app, const GlobalOptions&) {
  auto shell = std::make_shared<std::string>();
  app.add_option("SHELL", *shell)->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  const CLI::App* root = &app;
  while (root->get_parent()) root = root->get_parent();
  return [shell, root] { return run_completion(*shell, *root); };
}

Runner setup_complete(CLI::App& app, const GlobalOptions& g) {
  app.group("");  // hidden: for the completion scripts, not for people
  auto what = std::make_shared<std::string>();
  app.add_option("WHAT", *what)
      ->required()
      ->check(CLI::IsMember({"workers", "ids", "items", "subgroups", "areas", "roles"}));
  return [what, &g] { return run_complete(*what, g); };
}

std::string shell_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace cti::cli
