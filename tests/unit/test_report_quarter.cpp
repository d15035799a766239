// The quarterly report (SPEC section 7): quarters, the inclusion rule, rows, summary, CSV.
#include <doctest/doctest.h>

#include "base/date.hpp"
#include "builders.hpp"
#include "report/quarter.hpp"

namespace cti::test::report_quarter {

using namespace cti::report;

// A forløb in `subgroup` from opstart `start` and, when `end` is given, that afslutning.
Forloeb make(const char* id, const char* start, const char* end = nullptr, EndStatus status = EndStatus::completed,
             const char* subgroup = "egen-kommune") {
  Case c = Case(id).subgroup(subgroup).start(start);
  if (end) c.end(end, status);
  return c;
}

const Quarter Q2_2025{2025, 2};

TEST_SUITE("quarter") {
  TEST_CASE("parse_quarter accepts YYYY-Qn only") {
    CHECK(parse_quarter("2025-Q2") == Quarter{2025, 2});
    CHECK(parse_quarter("2025-q4") == Quarter{2025, 4});
    CHECK(parse_quarter("1999-Q1") == Quarter{1999, 1});
    for (const char* bad : {"", "2025", "2025-Q0", "2025-Q5", "2025Q2", "2025-K2", "25-Q2", "2025-Q12", "2025-Q2 ",
                            "0999-Q1", "abcd-Q1", "2025-2"})
      CHECK_MESSAGE(!parse_quarter(bad), bad);
  }

  TEST_CASE("first and last day, name") {
    CHECK(format_date(Quarter{2025, 1}.first_day()) == "2025-01-01");
    CHECK(format_date(Quarter{2025, 1}.last_day()) == "2025-03-31");
    CHECK(format_date(Q2_2025.first_day()) == "2025-04-01");
    CHECK(format_date(Q2_2025.last_day()) == "2025-06-30");
    CHECK(format_date(Quarter{2025, 3}.last_day()) == "2025-09-30");
    CHECK(format_date(Quarter{2025, 4}.first_day()) == "2025-10-01");
    CHECK(format_date(Quarter{2025, 4}.last_day()) == "2025-12-31");
    CHECK(Q2_2025.name() == "2025-Q2");
  }

  TEST_CASE("quarter_of and the default: the last completed quarter before today") {
    CHECK(quarter_of(D("2025-01-01")) == Quarter{2025, 1});
    CHECK(quarter_of(D("2025-03-31")) == Quarter{2025, 1});
    CHECK(quarter_of(D("2025-04-01")) == Quarter{2025, 2});
    CHECK(quarter_of(D("2025-12-31")) == Quarter{2025, 4});
    CHECK(last_completed_quarter(D("2025-07-01")) == Quarter{2025, 2});  // Q2 ended yesterday
    CHECK(last_completed_quarter(D("2025-06-30")) == Quarter{2025, 1});  // Q2 ends today: not completed
    CHECK(last_completed_quarter(D("2025-08-15")) == Quarter{2025, 2});
    CHECK(last_completed_quarter(D("2025-01-01")) == Quarter{2024, 4});  // across the year
    CHECK(last_completed_quarter(D("2025-03-31")) == Quarter{2024, 4});
    CHECK(previous_quarter(Quarter{2025, 1}) == Quarter{2024, 4});
  }

  TEST_CASE("inclusion: opstart on or before the last day, no afslutning before the first day") {
    CHECK(included(make("K", "2025-04-01"), Q2_2025));                      // starts on the first day
    CHECK(included(make("K", "2025-06-30"), Q2_2025));                      // starts on the last day
    CHECK_FALSE(included(make("K", "2025-07-01"), Q2_2025));                // the day after
    CHECK(included(make("K", "2024-06-01"), Q2_2025));                      // running through
    CHECK(included(make("K", "2024-09-01", "2025-04-01"), Q2_2025));        // ends on the first day
    CHECK_FALSE(included(make("K", "2024-09-01", "2025-03-31"), Q2_2025));  // the day before
    CHECK(included(make("K", "2025-01-10", "2025-06-30"), Q2_2025));        // ends on the last day
    CHECK(included(make("K", "2025-01-10", "2025-10-10"), Q2_2025));        // ends after the quarter
    CHECK(included(make("K", "2025-05-01", "2025-05-20", EndStatus::interrupted), Q2_2025));
    CHECK_FALSE(included(make("K", nullptr), Q2_2025));  // contact period only
  }

  TEST_CASE("rows: end and Gennemført only when the afslutning is within the quarter's end") {
    std::vector<Forloeb> fs = {
        make("K-0005", "2025-05-01", "2025-06-30", EndStatus::completed, "anden-kommune"),
        make("K-0004", "2025-01-10", "2025-10-10"),  // ends after the quarter: shown as running
        make("K-0003", "2024-09-01", "2025-05-02", EndStatus::moved),
        make("K-0002", "2024-09-01", "2025-05-02", EndStatus::interrupted),
        make("K-0001", "2024-09-01", "2025-03-31"),  // excluded
        make("K-0006", nullptr),                     // excluded
        make("K-0007", "2025-07-01"),                // excluded
    };
    Forloeb broken = make("K-0008", "2025-05-01");
    broken.diagnostics.push_back(make_diag(broken.file, {1, 1}, Severity::error, "yaml-syntax", "x"));
    fs.push_back(broken);  // errors, but its dates are read: it has its row (the CLI refuses the CPR report)
    Forloeb unreadable = make("K-0009", "2025-05-01");
    unreadable.dates_unreadable = true;  // nothing to place: the CLI names it as an error
    fs.push_back(unreadable);
    auto rows = quarter_rows(fs, Q2_2025);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].id == "K-0002");  // sorted by opstart, then id
    CHECK(rows[1].id == "K-0003");
    CHECK(rows[2].id == "K-0004");
    CHECK(rows[3].id == "K-0005");
    CHECK(rows[4].id == "K-0008");
    rows.pop_back();  // the figures below are for the four forløb without errors
    CHECK(rows[0].completed == false);
    CHECK(rows[1].completed == false);  // overdraget counts as not completed
    CHECK_FALSE(rows[2].end.has_value());
    CHECK_FALSE(rows[2].completed.has_value());
    CHECK(rows[3].completed == true);
    CHECK(format_date(*rows[3].end) == "2025-06-30");

    Project p;
    p.subgroups.resize(2);
    p.subgroups[0].set("egen-kommune", {});
    p.subgroups[1].set("anden-kommune", {});
    auto s = summarize(rows, Q2_2025, p);
    CHECK(s.rows == 4);
    CHECK(s.started == 1);
    CHECK(s.ended == 3);
    CHECK(s.completed == 1);
    REQUIRE(s.by_subgroup.size() == 2);
    CHECK(s.by_subgroup[0] == std::pair<std::string, int>{"egen-kommune", 3});
    CHECK(s.by_subgroup[1] == std::pair<std::string, int>{"anden-kommune", 1});

    std::string csv = render_csv(
        rows, [](const QuarterRow& r) { return r.id; }, true);
    CHECK(csv ==
          "\xEF\xBB\xBF"
          "Forløbs-id;Opstartsdato;Afslutningsdato;Delmålgruppe;Gennemført\r\n"
          "K-0002;2024-09-01;2025-05-02;egen-kommune;nej\r\n"
          "K-0003;2024-09-01;2025-05-02;egen-kommune;nej\r\n"
          "K-0004;2025-01-10;;egen-kommune;\r\n"
          "K-0005;2025-05-01;2025-06-30;anden-kommune;ja\r\n");
    CHECK(render_csv(
              {}, [](const QuarterRow&) { return std::string(); }, false) ==
          "\xEF\xBB\xBF"
          "CPR-nummer;Opstartsdato;Afslutningsdato;Delmålgruppe;Gennemført\r\n");
  }

  TEST_CASE("a subgroup that looks like a formula is neutralised in the report") {
    QuarterRow r;
    r.id = "K-0001";
    r.start = D("2025-04-01");
    r.subgroup = "=HYPERLINK(\"x\")";
    std::string csv = render_csv(
        {r}, [](const QuarterRow& x) { return x.id; }, true);
    CHECK(csv.find("\r\nK-0001;2025-04-01;;\"'=HYPERLINK(\"\"x\"\")\";\r\n") != std::string::npos);
  }
}

}  // namespace cti::test::report_quarter
