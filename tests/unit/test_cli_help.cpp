// The help table (cli/help_text): every command of the command table and every option
// has its text in English and Danish, no entry is left over, and `cti X --help` of every
// command equals its golden page in both languages (tests/unit/golden/help/<lang>/,
// one file per command: hook.install.txt for `cti hook install`, cti.txt for cti itself).
// CTI_UPDATE_GOLDEN=1 rewrites the pages (then read the diff by hand).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/lang.hpp"
#include "cli/app.hpp"
#include "cli/help_text.hpp"

namespace cti::test::cli_help {

using namespace cti::cli;
namespace fs = std::filesystem;

// Every command under `app`, hidden ones included, depth first.
void collect(CLI::App& app, std::vector<CLI::App*>& out) {
  out.push_back(&app);
  for (CLI::App* sub : app.get_subcommands({})) collect(*sub, out);
}

std::string golden_name(const CLI::App& app) {
  std::string key = command_key(app);
  if (key.empty()) return "cti.txt";
  for (char& c : key)
    if (c == ' ') c = '.';
  return key + ".txt";
}

// `cti PATH --help` as main prints it: the page of the command, named from cti down.
std::string help_page(const CLI::App& app) {
  if (!app.get_parent()) return app.help();
  const std::string parent = command_key(*app.get_parent());
  return app.help(parent.empty() ? "cti" : "cti " + parent);
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_SUITE("help") {
  TEST_CASE("every command and option has help text in English and Danish") {
    i18n::set_lang(Lang::en);
    CLI::App app;
    GlobalOptions g;
    build_app(app, g);
    std::vector<CLI::App*> all;
    collect(app, all);
    std::set<std::string_view> used;
    for (CLI::App* c : all) {
      const HelpText* h = find_help(command_key(*c));
      INFO("command '" << command_key(*c) << "' has no entry in the help table (cli/help_text_*.cpp)");
      REQUIRE(h != nullptr);
      CHECK(!h->en.empty());
      CHECK(!h->da.empty());
      used.insert(h->key);
      for (const CLI::Option* o : c->get_options()) {
        const HelpText* oh = option_help(*c, *o);
        INFO("option '" << option_key(*c, *o) << "' has no entry in the help table (cli/help_text_*.cpp)");
        REQUIRE(oh != nullptr);
        CHECK(!oh->en.empty());
        CHECK(!oh->da.empty());
        used.insert(oh->key);
      }
    }
    for (const auto& h : help_texts()) {
      INFO("help entry '" << h.key << "' belongs to no command or option");
      CHECK(used.count(h.key) == 1);
    }
    std::set<std::string_view> keys;
    for (const auto& h : help_texts()) {
      INFO("help entry '" << h.key << "' twice");
      CHECK(keys.insert(h.key).second);
    }
  }

  TEST_CASE("every command's --help equals its golden page, in Danish and in English") {
    const fs::path root = fs::path(CTI_SOURCE_DIR) / "tests" / "unit" / "golden" / "help";
    const char* update = std::getenv("CTI_UPDATE_GOLDEN");
    const bool rewrite = update && std::string_view(update) == "1";
    for (Lang l : {Lang::da, Lang::en}) {
      i18n::set_lang(l);
      const fs::path dir = root / (l == Lang::da ? "da" : "en");
      CLI::App app;
      GlobalOptions g;
      build_app(app, g);
      std::vector<CLI::App*> all;
      collect(app, all);
      std::set<std::string> pages;
      for (CLI::App* c : all) {
        const std::string name = golden_name(*c);
        pages.insert(name);
        const std::string text = help_page(*c);
        if (rewrite) {
          fs::create_directories(dir);
          std::ofstream(dir / name, std::ios::binary) << text;
          continue;
        }
        INFO("golden page " << (dir / name).string() << " (CTI_UPDATE_GOLDEN=1 writes it)");
        CHECK(fs::exists(dir / name));
        CHECK(read(dir / name) == text);
      }
      // A page for a command that is no longer there.
      for (const auto& e : fs::directory_iterator(dir)) {
        INFO("golden page " << e.path().string() << " is for no command");
        CHECK(pages.count(e.path().filename().string()) == 1);
      }
    }
    i18n::set_lang(Lang::en);
  }
}

}  // namespace cti::test::cli_help
