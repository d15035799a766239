// What a view could not count (report/uncounted): which files, the JSON keys, and the
// sentences every view prints for them.
#include <doctest/doctest.h>

#include "base/lang.hpp"
#include "builders.hpp"
#include "report/uncounted.hpp"

namespace cti::test::report_uncounted {

using namespace cti::report;

TEST_SUITE("uncounted") {
  TEST_CASE("forløb of the worker with errors, unreadable dates, every entry of forloeb/ not read") {
    i18n::set_lang(Lang::en);
    std::vector<Forloeb> fl = {Case("A1").worker("a").start("2026-02-02"), Case("A2").worker("b").start("2026-02-02"),
                               Case("A3").worker("a").start("2026-02-02")};
    fl[1].diagnostics.push_back(make_diag(fl[1].file, {3, 1}, Severity::error, "unknown-key", "x"));
    fl[2].diagnostics.push_back(make_diag(fl[2].file, {1, 1}, Severity::error, "yaml-syntax", "x"));
    fl[2].dates_unreadable = true;
    Diagnostics repo = {make_diag("forloeb/K-0010.yml", {1, 1}, Severity::error, "file-name", "x"),
                        make_diag("forloeb/K-0011.yaml", {1, 1}, Severity::error, "broken-link", "x"),
                        make_diag("forloeb/notes.txt", {1, 1}, Severity::warning, "stray-file", "x"),
                        make_diag("cti.yaml", {4, 1}, Severity::error, "unknown-key", "x")};
    Uncounted all = uncounted(fl, repo, "");
    CHECK(all.forloeb_with_errors == 2);
    CHECK(all.invalid() == 4);
    CHECK(all.unreadable == std::vector<std::string>{"forloeb/A3.yaml"});
    REQUIRE(all.not_read.size() == 2);  // a warning is no reason to leave anything out
    CHECK(all.not_read[0].file == "forloeb/K-0010.yml");
    CHECK(all.not_read[1].rule == "broken-link");
    CHECK(all.others == std::vector<std::string>{"cti.yaml"});
    // --worker b: b's forløb, and still every entry that was not read (it may be b's).
    Uncounted b = uncounted(fl, repo, "b");
    CHECK(b.forloeb_with_errors == 1);
    CHECK(b.unreadable.empty());
    CHECK(b.invalid() == 3);

    auto figures = uncounted_sentences(all, Shown::figures);
    REQUIRE(figures.size() == 5);
    CHECK(figures[0] == "2 forløb files with errors; cti validate lists them");
    CHECK(figures[1].rfind("forloeb/A3.yaml: the dates cannot be read", 0) == 0);
    CHECK(figures[2] ==
          "forloeb/K-0010.yml has errors [file-name] and is not read, so no forløb in it is counted; run cti validate "
          "forloeb/K-0010.yml");
    CHECK(figures[4] == "cti.yaml has errors; run cti validate cti.yaml");
    auto rows = uncounted_sentences(all, Shown::rows);  // a marked row says it for the unreadable file
    CHECK(rows.size() == 4);
    CHECK(rows[0] == "2 forløb files with errors, marked on the board; cti validate lists them");
    CHECK(uncounted_sentences({}, Shown::figures).empty());
  }

  TEST_CASE("JSON: invalid, unreadable, not_read") {
    Uncounted u;
    u.forloeb_with_errors = 1;
    u.not_read.push_back({"forloeb/K-0010.yml", "file-name"});
    JsonWriter j(false);
    j.begin_object();
    write_uncounted_json(j, u);
    j.end_object();
    CHECK(j.str() ==
          "{\"invalid\":2,\"unreadable\":[],\"not_read\":[{\"file\":\"forloeb/K-0010.yml\",\"rule\":\"file-"
          "name\"}]}\n");
  }
}

}  // namespace cti::test::report_uncounted
