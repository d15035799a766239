// The completion model read from a CLI11 app (cli/completion): what each option's and
// positional's value is completed from, and that hidden commands stay hidden.
#include <doctest/doctest.h>

#include "cli/completion.hpp"

namespace cti::test::cli_completion {

using namespace cti::cli;

const CompletionCommand* find(const CompletionCommand& c, const std::string& path) {
  for (const auto* x : all_commands(c))
    if (x->path == path) return x;
  return nullptr;
}

const CompletionOption* option(const CompletionCommand& c, const std::string& name) {
  for (const auto& o : c.options)
    for (const auto& n : o.names)
      if (n == name) return &o;
  return nullptr;
}

TEST_SUITE("completion") {
  TEST_CASE("value kinds come from IsMember, else from the option's name or value text") {
    CLI::App app{"test"};
    std::string s;
    std::vector<std::string> v;
    app.add_option("-C", s)->option_text("DIR");
    app.add_option("--lang", s)->check(CLI::IsMember({"da", "en"}));
    auto* done = app.add_subcommand("done", "Record items");
    done->add_option("ID", s);
    done->add_option("ITEM", v);
    done->add_option("--date", s)->option_text("DATE");
    done->add_option("--worker,--medarbejder", s);
    done->add_flag("--not-relevant");
    done->add_option("-o,--output", s)->option_text("FILE");
    done->add_option("--subgroup,--delmaalgruppe", s);
    app.add_subcommand("__complete", "")->group("");

    auto m = completion_model(app);
    CHECK(option(m.root, "--lang")->kind == ValueKind::values);
    CHECK(option(m.root, "--lang")->values == std::vector<std::string>{"da", "en"});
    CHECK(option(m.root, "-C")->kind == ValueKind::dir);
    // --help stays with cti itself; -C and --lang follow every command.
    CHECK(m.globals.size() == 2);

    const auto* d = find(m.root, "done");
    REQUIRE(d != nullptr);
    REQUIRE(d->positionals.size() == 2);
    CHECK(d->positionals[0].kind == ValueKind::ids);
    CHECK_FALSE(d->positionals[0].repeats);
    CHECK(d->positionals[1].kind == ValueKind::items);
    CHECK(d->positionals[1].repeats);
    CHECK(option(*d, "--date")->kind == ValueKind::none);
    CHECK(option(*d, "--date")->takes_value);
    CHECK(option(*d, "--medarbejder")->kind == ValueKind::workers);
    CHECK(option(*d, "--output")->kind == ValueKind::file);
    CHECK(option(*d, "--subgroup")->kind == ValueKind::subgroups);
    CHECK_FALSE(option(*d, "--not-relevant")->takes_value);
    CHECK(find(m.root, "__complete") == nullptr);
  }

  TEST_CASE("every script names each command and option of the table") {
    CLI::App app{"test"};
    std::string s;
    auto* hook = app.add_subcommand("hook", "Hooks");
    hook->add_subcommand("install", "Install it")->add_flag("--force");
    app.add_subcommand("status", "Board")->add_option("--format", s)->check(CLI::IsMember({"table", "json"}));
    auto m = completion_model(app);
    for (const auto& script : {bash_completion(m), zsh_completion(m), fish_completion(m)}) {
      CHECK(script.find("install") != std::string::npos);
      CHECK(script.find("force") != std::string::npos);
      CHECK(script.find("table json") != std::string::npos);
      CHECK(script.find("__complete") != std::string::npos);
    }
  }
}

}  // namespace cti::test::cli_completion
