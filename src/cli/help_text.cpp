// The help table put together and applied to the CLI11 commands: each command's and
// option's text in the output language, and a help page whose own words (Usage,
// Options, the value names DATE, FILE, ...) are Danish in Danish.
#include "cli/help_text.hpp"

#include <map>

#include "base/lang.hpp"
#include "report/table.hpp"

namespace cti::cli {

using i18n::tr;

const std::vector<HelpText>& help_texts() {
  static const std::vector<HelpText> table = [] {
    std::vector<HelpText> all;
    for (auto part : {help_texts_general, help_texts_reading, help_texts_recording, help_texts_fields, help_texts_team})
      for (const auto& h : part()) all.push_back(h);
    return all;
  }();
  return table;
}

const HelpText* find_help(std::string_view key) {
  for (const auto& h : help_texts())
    if (h.key == key) return &h;
  return nullptr;
}

std::string command_key(const CLI::App& app) {
  std::string key;
  for (const CLI::App* a = &app; a->get_parent() != nullptr; a = a->get_parent())
    key = a->get_name() + (key.empty() ? "" : " " + key);
  return key;
}

namespace {

std::string option_name(const CLI::Option& o) {
  if (o.get_positional()) return o.get_name();
  if (!o.get_lnames().empty()) return "--" + o.get_lnames().front();
  return o.get_snames().empty() ? o.get_name() : "-" + o.get_snames().front();
}

// Value names in the help page (an option's value text, a positional's name), in Danish.
std::string value_word(const std::string& word) {
  if (i18n::lang() != Lang::da) return word;
  static const std::map<std::string, std::string, std::less<>> kDanish = {
      {"DATE", "DATO"},          {"DAYS", "DAGE"},   {"FILE", "FIL"},
      {"FILE...", "FIL..."},     {"DIR", "MAPPE"},   {"PATH", "STI"},
      {"TEXT", "TEKST"},         {"WHO", "HVEM"},    {"PLACE", "STED"},
      {"AREA", "OMRÅDE"},        {"FIELD", "FELT"},  {"VALUE", "VÆRDI"},
      {"PHASE", "FASE"},         {"STEP", "TRIN"},   {"FORM", "FORM"},
      {"ITEM", "PUNKT"},         {"POINT", "PUNKT"}, {"[YYYY-Qn]", "[ÅÅÅÅ-Qn]"},
      {"WORKER", "MEDARBEJDER"}, {"INT", "TAL"},     {"UINT", "TAL"},
      {"TEXT:FILE", "FIL"},      {"ROLE", "ROLLE"},
  };
  if (auto bar = word.find('|'); bar != std::string::npos)  // DATE|ROLE: each alternative
    return value_word(word.substr(0, bar)) + "|" + value_word(word.substr(bar + 1));
  auto it = kDanish.find(word);
  return it == kDanish.end() ? word : it->second;
}

// `desc` wrapped at the words to fit 80 columns, every line starting at `column`; the
// first line goes on from `at` (the columns already taken), or on a line of its own
// when `at` is past `column`.
std::string wrap(const std::string& desc, std::size_t column, std::size_t at) {
  constexpr std::size_t kWidth = 80;
  std::string out;
  if (at > column) {
    out += "\n";
    at = 0;
  }
  std::string line;
  auto flush = [&] {
    out += std::string(column - at, ' ') + line + "\n";
    at = 0;
    line.clear();
  };
  std::size_t start = 0;
  while (start < desc.size()) {
    std::size_t end = desc.find(' ', start);
    if (end == std::string::npos) end = desc.size();
    const std::string word = desc.substr(start, end - start);
    if (!line.empty() && column + report::display_width(line) + 1 + report::display_width(word) > kWidth) flush();
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) flush();
  return out;
}

// "  NAME  description" as CLI11 lays it out, but measured in characters rather than
// bytes (æ, ø, å line up), and the description wrapped to fit 80 columns.
std::string help_line(const std::string& name, const std::string& desc, std::size_t column) {
  const std::size_t at = 2 + report::display_width(name);
  if (desc.empty()) return "  " + name + "\n";
  return "  " + name + wrap(desc, column, at >= column ? column + 1 : at);
}

// Where a command's description starts in the list of commands: past the longest name.
constexpr std::size_t kCommandColumn = 16;

// CLI11's formatter with the page's words in the output language.
class Formatter : public CLI::Formatter {
 public:
  Formatter() {
    label("Usage", std::string(tr("Usage", "Brug")));
    label("OPTIONS", std::string(tr("OPTIONS", "TILVALG")));
    label("Positionals", std::string(tr("Arguments", "Argumenter")));
    label("SUBCOMMAND", std::string(tr("COMMAND", "KOMMANDO")));
    label("SUBCOMMANDS", std::string(tr("COMMANDS", "KOMMANDOER")));
    label("REQUIRED", std::string(tr("REQUIRED", "PÅKRÆVET")));
    label("Excludes", std::string(tr("Excludes", "Udelukker")));
    label("Needs", std::string(tr("Needs", "Kræver")));
    label("Env", std::string(tr("Env", "Miljø")));
  }
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    return is_positional ? value_word(opt->get_name(true, false)) : opt->get_name(false, true);
  }
  std::string make_description(const CLI::App* app) const override { return wrap(app->get_description(), 0, 0); }
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return help_line(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                     get_column_width());
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return help_line(sub->get_display_name(true), sub->get_description(), kCommandColumn);
  }
  std::string make_option_opts(const CLI::Option* opt) const override {
    if (!opt->get_option_text().empty()) return " " + value_word(opt->get_option_text());
    std::string out = CLI::Formatter::make_option_opts(opt);
    // " TEXT:{table,json}", " INT:INT in [0 - 3660]": the type word in Danish, the rest as CLI11 says.
    if (i18n::lang() == Lang::da && out.size() > 1) {
      auto end = out.find_first_of(":= ", 1);
      std::string word = out.substr(1, end == std::string::npos ? std::string::npos : end - 1);
      out = " " + value_word(word) + (end == std::string::npos ? "" : out.substr(end));
    }
    return out;
  }
};

void give_help(CLI::App& app, const std::shared_ptr<Formatter>& f) {
  app.formatter(f);
  if (const HelpText* h = find_help(command_key(app)))
    app.description(std::string(tr(h->en, h->da)));
  else
    app.description("");
  for (CLI::Option* o : app.get_options()) {
    const HelpText* h = option_help(app, *o);
    o->description(h ? std::string(tr(h->en, h->da)) : std::string());
    if (o->get_group() == "Options") o->group(std::string(tr("Options", "Tilvalg")));
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group() == "Subcommands") sub->group(std::string(tr("Commands", "Kommandoer")));
    give_help(*sub, f);
  }
}

}  // namespace

std::string option_key(const CLI::App& app, const CLI::Option& o) {
  const std::string path = command_key(app);
  return path.empty() ? option_name(o) : path + " " + option_name(o);
}

const HelpText* option_help(const CLI::App& app, const CLI::Option& o) {
  if (const HelpText* h = find_help(option_key(app, o))) return h;
  return app.get_parent() ? find_help("* " + option_name(o)) : nullptr;
}

void apply_help(CLI::App& root) {
  give_help(root, std::make_shared<Formatter>());
}

}  // namespace cti::cli
