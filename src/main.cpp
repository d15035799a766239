// cti: the board of a CTI team's forløb, from a repository of YAML files.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <set>
#include <sstream>

#include "base/heap.hpp"
#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "base/unicode.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parse_error.hpp"
#include "io/out.hpp"

namespace {

using cti::i18n::tr;

// A global option that takes a value (-C DIR), so the value is not mistaken for a command.
bool takes_value(const CLI::App& app, std::string_view a) {
  for (const auto* o : app.get_options())
    if (o->check_name(std::string(a))) return o->get_items_expected_min() > 0;
  return false;
}

// A command-line mistake as one line "cti: error: ..." in the user's words.
std::string explain(const CLI::ParseError& e, const CLI::App& app, const CLI::App* sub, int argc, char** argv) {
  if (!sub) {
    std::vector<std::string> names;
    for (const auto& c : cti::cli::commands()) names.push_back(c.name);
    for (int i = 1; i < argc; ++i) {
      std::string_view a = argv[i];
      if (takes_value(app, a)) {
        if (++i == argc)
          return fmt::format(fmt::runtime(tr("option '{}' needs a value; see 'cti --help'",
                                             "tilvalget '{}' skal have en værdi; se 'cti --help'")),
                             a);
      } else if (a.size() > 1 && a[0] == '-' && a.find('=') == std::string_view::npos) {
        bool known = false;
        for (const auto* o : app.get_options()) known = known || o->check_name(std::string(a));
        if (!known)
          return fmt::format(
              fmt::runtime(tr("unknown option '{}'; see 'cti --help'", "ukendt tilvalg '{}'; se 'cti --help'")), a);
      } else if (a.empty() || a[0] != '-') {
        return fmt::format(
            fmt::runtime(tr("unknown command '{}'{}; see 'cti --help'", "ukendt kommando '{}'{}; se 'cti --help'")), a,
            cti::did_you_mean(a, names));
      }
    }
    return std::string(tr("a command is required, e.g. 'cti status'; see 'cti --help'",
                          "der mangler en kommando, fx 'cti status'; se 'cti --help'"));
  }
  // The deepest command given ('hook install'), for the message and its options.
  std::string name = sub->get_name();
  std::vector<std::string> extras = app.remaining();
  for (const auto& x : sub->remaining()) extras.push_back(x);
  while (!sub->get_subcommands().empty()) {
    sub = sub->get_subcommands().front();
    name += " " + sub->get_name();
    for (const auto& x : sub->remaining()) extras.push_back(x);
  }
  const std::string help = fmt::format(fmt::runtime(tr("; see 'cti {} --help'", "; se 'cti {} --help'")), name);
  if (!sub->get_subcommands({}).empty() && dynamic_cast<const CLI::RequiredError*>(&e)) {
    // 'cti hook instal': a command of a command, misspelt.
    std::vector<std::string> names;
    for (const auto* c : sub->get_subcommands({}))
      if (!c->get_group().empty()) names.push_back(c->get_name());
    for (int i = 1; i + 1 < argc; ++i)
      if (argv[i] == sub->get_name() && argv[i + 1][0] != '-')
        return fmt::format(
            fmt::runtime(tr("unknown command '{}' for 'cti {}'{}{}", "ukendt kommando '{}' til 'cti {}'{}{}")),
            argv[i + 1], name, cti::did_you_mean(argv[i + 1], names), help);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    if (!extras.empty() && extras.front().rfind("-", 0) == 0) {
      std::vector<std::string> names;
      for (const auto* o : sub->get_options())
        for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      std::string word = extras.front().substr(0, extras.front().find('='));
      return fmt::format(
          fmt::runtime(tr("unknown option '{}' for 'cti {}'{}{}", "ukendt tilvalg '{}' til 'cti {}'{}{}")), word, name,
          cti::did_you_mean(word, names), help);
    }
  }
  if (!sub->get_subcommands({}).empty() && dynamic_cast<const CLI::RequiredError*>(&e)) {
    // 'cti hook': a command that needs a command of its own.
    std::string names;
    for (const auto* c : sub->get_subcommands({}))
      if (!c->get_group().empty()) names += (names.empty() ? "" : ", ") + c->get_name();
    return fmt::format(fmt::runtime(tr("'cti {}' needs a command: {}{}", "'cti {}' skal have en kommando: {}{}")), name,
                       names, help);
  }
  std::string msg = cti::cli::parse_error_text(e, extras);
  // A global option's value (--lang xx) is not the command's business.
  const std::string opt = std::string(e.what()).substr(0, std::string(e.what()).find(':'));
  if (opt.size() < std::string(e.what()).size() && takes_value(app, opt))
    return fmt::format(fmt::runtime(tr("{}; see 'cti --help'", "{}; se 'cti --help'")), msg);
  return fmt::format("{} ('cti {}'){}", msg, name, help);
}

// "cti help CMD..." is "cti CMD... --help" ("cti help" alone: "cti --help"); an unknown
// CMD is left for the parser to explain ("unknown command ... did you mean").
std::vector<std::string> help_as_option(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (takes_value(app, args[i])) {
      ++i;
    } else if (args[i].empty() || args[i][0] != '-') {
      if (args[i] != "help") break;
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
      bool known = i == args.size();
      for (const auto& c : cti::cli::commands()) known = known || (args[i] == c.name);
      if (known) args.push_back("--help");
      break;
    }
  }
  return args;
}

// Command-line text in NFC, as file text is (SPEC 2): a worker id, an item id or a case id
// typed with a decomposed letter is the same word. Paths are left as the shell gave them
// (the file system compares bytes): the values of -C, --cpr-file and -o/--output, and
// the file arguments of init and validate.
std::vector<std::string> normalise_arguments(const CLI::App& app, std::vector<std::string> args) {
  static const std::set<std::string, std::less<>> kPathOptions = {"-C", "--cpr-file", "-o", "--output"};
  std::string command;  // the first word that is no option or option value
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string& a = args[i];
    const std::string name = a.substr(0, a.find('='));
    if (kPathOptions.count(name)) {
      if (name == a) ++i;  // the value is the next argument
      continue;
    }
    if (command.empty() && takes_value(app, a)) {  // --today DATE, --lang da: not the command
      if (i + 1 < args.size()) args[i + 1] = cti::nfc(args[i + 1]);
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-' && command.empty()) command = a;
    const bool file_argument = (command == "init" || command == "validate") && a != command && a[0] != '-';
    if (!file_argument) a = cti::nfc(a);
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cti::cli;
  cti::prefer_huge_pages(argv);  // before anything is allocated that matters
  // The language first: the help texts are given in it (--lang, else cti.yaml sprog, else the locale).
  settle_parse_error_language(GlobalOptions{}, std::vector<std::string>(argv, argv + argc));
  CLI::App app;
  GlobalOptions g;
  std::vector<std::pair<CLI::App*, Runner>> runners = build_app(app, g);

  std::vector<std::string> args = normalise_arguments(app, help_as_option(app, argc, argv));
  std::vector<char*> arg_ptrs;
  for (auto& a : args) arg_ptrs.push_back(a.data());
  argc = static_cast<int>(arg_ptrs.size());
  argv = arg_ptrs.data();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version: CLI11's text, through the output gate too
      std::ostringstream out, err;
      const int rc = app.exit(e, out, err);
      cti::io::out().print(out.str());
      cti::io::err().print(err.str());
      return rc == 0 ? kOk : kUsage;
    }
    settle_parse_error_language(g, args);
    const CLI::App* parsed = nullptr;
    for (auto& [sub, run] : runners)
      if (sub->parsed()) parsed = sub;
    return setup_error(explain(e, app, parsed, argc, argv));
  }
  for (auto& [sub, run] : runners)
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        // Commands report errors as values; this is the last line of defence.
        cti::io::err().print(fmt::format("cti: internal error in '{}'; please report it\n", sub->get_name()));
        return kUsage;
      }
    }
  return kUsage;
}
