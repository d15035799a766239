// Diagnostics (base/source): make_diag's CPR mask, the GCC form of format_diagnostic, the
// sort order and the counts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/source.hpp"

namespace cti::test::base_source {

Diagnostic source_diag(const std::string& file, int line, int col, const std::string& rule,
                       const std::string& message = "m", Severity sev = Severity::error) {
  return make_diag(file, {line, col}, sev, rule, message);
}

// "file:line:col:rule:message" of each diagnostic, in order.
std::vector<std::string> source_order(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    out.push_back(d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ":" + d.rule + ":" +
                  d.message);
  return out;
}

TEST_SUITE("diagnostics") {
  TEST_CASE("format_diagnostic: the GCC form, error and warning") {
    CHECK(format_diagnostic(source_diag("forloeb/K-0007.yaml", 4, 1, "unknown-key",
                                        "unknown key 'delmalgruppe' (did you mean 'delmålgruppe'?)")) ==
          "forloeb/K-0007.yaml:4:1: error: unknown key 'delmalgruppe' (did you mean 'delmålgruppe'?) [unknown-key]");
    CHECK(format_diagnostic(
              source_diag("forloeb/K-0001.yaml", 12, 30, "future-date", "in the future", Severity::warning)) ==
          "forloeb/K-0001.yaml:12:30: warning: in the future [future-date]");
  }

  TEST_CASE("format_diagnostic: an unknown position is printed as 1:1") {
    CHECK(format_diagnostic(source_diag("cti.yaml", 0, 0, "yaml-syntax", "x")) ==
          "cti.yaml:1:1: error: x [yaml-syntax]");
    CHECK(format_diagnostic(source_diag("cti.yaml", 3, 0, "yaml-syntax", "x")) ==
          "cti.yaml:3:1: error: x [yaml-syntax]");
    CHECK(format_diagnostic(Diagnostic{"f.yaml", {}, Severity::error, "encoding", ""}) ==
          "f.yaml:1:1: error:  [encoding]");
  }

  TEST_CASE("make_diag masks a CPR number in the message, in both forms") {
    const Diagnostic d = source_diag("forloeb/K-0001.yaml", 2, 8, "cpr-leak", "value 150632-4123 and 1506324123 here");
    CHECK(d.message == "value XXXXXX-XXXX and XXXXXX-XXXX here");
    CHECK(d.file == "forloeb/K-0001.yaml");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 8);
    CHECK(d.rule == "cpr-leak");
    // Dates and case ids are not CPR-shaped and stay.
    CHECK(source_diag("f.yaml", 1, 1, "invalid-date", "2025-02-30 in K-0001").message == "2025-02-30 in K-0001");
  }

  TEST_CASE("sort_diagnostics: by file, then line and column as numbers, then rule") {
    Diagnostics ds{
        source_diag("forloeb/K-0010.yaml", 1, 1, "missing-key"),
        source_diag("forloeb/K-0002.yaml", 10, 1, "date-order"),
        source_diag("forloeb/K-0002.yaml", 9, 5, "wrong-type"),
        source_diag("forloeb/K-0002.yaml", 9, 12, "invalid-date"),
        source_diag("forloeb/K-0002.yaml", 9, 5, "invalid-date"),
        source_diag("cti.yaml", 3, 1, "unknown-key"),
    };
    sort_diagnostics(ds);
    CHECK(source_order(ds) == std::vector<std::string>{
                                  "cti.yaml:3:1:unknown-key:m",
                                  "forloeb/K-0002.yaml:9:5:invalid-date:m",
                                  "forloeb/K-0002.yaml:9:5:wrong-type:m",
                                  "forloeb/K-0002.yaml:9:12:invalid-date:m",
                                  "forloeb/K-0002.yaml:10:1:date-order:m",
                                  "forloeb/K-0010.yaml:1:1:missing-key:m",
                              });
  }

  TEST_CASE("sort_diagnostics keeps equal keys in the order they were found, whatever their severity") {
    Diagnostics ds{
        source_diag("forloeb/K-0001.yaml", 5, 1, "cpr-leak", "first"),
        source_diag("forloeb/K-0001.yaml", 2, 1, "yaml-syntax", "earlier line"),
        source_diag("forloeb/K-0001.yaml", 5, 1, "cpr-leak", "second", Severity::warning),
        source_diag("forloeb/K-0001.yaml", 5, 1, "cpr-leak", "third"),
    };
    sort_diagnostics(ds);
    CHECK(source_order(ds) == std::vector<std::string>{
                                  "forloeb/K-0001.yaml:2:1:yaml-syntax:earlier line",
                                  "forloeb/K-0001.yaml:5:1:cpr-leak:first",
                                  "forloeb/K-0001.yaml:5:1:cpr-leak:second",
                                  "forloeb/K-0001.yaml:5:1:cpr-leak:third",
                              });
    Diagnostics none;
    sort_diagnostics(none);
    CHECK(none.empty());
  }

  TEST_CASE("count_severity counts errors and warnings apart") {
    Diagnostics ds{source_diag("a.yaml", 1, 1, "future-date", "w", Severity::warning),
                   source_diag("a.yaml", 1, 1, "yaml-syntax"), source_diag("b.yaml", 1, 1, "encoding"),
                   source_diag("b.yaml", 2, 1, "past-planned-end", "w", Severity::warning),
                   source_diag("b.yaml", 3, 1, "stray-file", "w", Severity::warning)};
    CHECK(count_severity(ds, Severity::error) == 2);
    CHECK(count_severity(ds, Severity::warning) == 3);
    CHECK(count_severity({}, Severity::error) == 0);
  }
}

}  // namespace cti::test::base_source
