// The board's layout (report/board): the window, the date scale, the bands and markers of
// a forløb, the order and summaries of `cti status`, the caseload figures, error rows, and
// a page that is the same bytes twice and names no CPR number.
#include <doctest/doctest.h>

#include "base/lang.hpp"
#include "builders.hpp"
#include "report/board.hpp"

namespace cti::test::report_board {

using namespace cti::report;
using K = BoardBand::Kind;
using M = BoardMarker::Kind;

Project board_team() {
  return team({{"a", "Anna", 1.0}, {"b", "Bo", 0.5}}, "Testteam");
}

BoardQuery at(const char* today, int months = 6, const char* worker = "") {
  BoardQuery q;
  q.today = D(today);
  q.months = months;
  q.worker = worker;
  return q;
}

const BoardRow* row(const Board& b, const std::string& id) {
  for (const auto& g : b.groups)
    for (const auto& r : g.rows)
      if (r.id == id) return &r;
  return nullptr;
}

TEST_SUITE("board") {
  TEST_CASE("the window runs from the first of the month two back to the month --months ahead") {
    Board b = compute_board(board_team(), {}, at("2026-03-10", 6));
    CHECK(b.scale.from == D("2026-01-01"));
    CHECK(b.scale.to == D("2026-10-01"));
    REQUIRE(b.month_ticks.size() == 8);
    CHECK(b.month_ticks.front() == D("2026-02-01"));
    CHECK(b.month_ticks.back() == D("2026-09-01"));
    CHECK(b.scale.x(b.scale.from) == doctest::Approx(kBoardLabelWidth));
    CHECK(b.scale.x(b.scale.to) == doctest::Approx(kBoardLabelWidth + kBoardAxisWidth));
    // Linear in days: 2026-01-01 + 136 of 273 days.
    CHECK(b.scale.x(D("2026-05-17")) == doctest::Approx(kBoardLabelWidth + kBoardAxisWidth * 136 / 273));
    Board b2 = compute_board(board_team(), {}, at("2026-12-31", 1));
    CHECK(b2.scale.from == D("2026-10-01"));
    CHECK(b2.scale.to == D("2027-02-01"));
  }

  TEST_CASE("bands: contact period, phases 1-3 from the plan, overskredet up to today") {
    std::vector<Forloeb> fs{Case("A1").worker("a").contact("2025-05-01").start("2025-05-15")};
    Board b = compute_board(board_team(), fs, at("2026-03-10"));
    const BoardRow* r = row(b, "A1");
    REQUIRE(r);
    REQUIRE(r->bands.size() == 5);
    CHECK(r->bands[0].kind == K::kontakt);
    CHECK(r->bands[0].from == D("2025-05-01"));
    CHECK(r->bands[0].to == D("2025-05-15"));
    CHECK(r->bands[1].kind == K::fase1);
    CHECK(r->bands[1].to == D("2025-08-15"));
    CHECK(r->bands[2].kind == K::fase2);
    CHECK(r->bands[2].to == D("2025-11-15"));
    CHECK(r->bands[3].kind == K::fase3);
    CHECK(r->bands[3].to == D("2026-02-16"));  // the planned end day belongs to phase 3
    CHECK(r->bands[4].kind == K::overskredet);
    CHECK(r->bands[4].from == D("2026-02-16"));
    CHECK(r->bands[4].to == D("2026-03-11"));
    CHECK(r->bands[4].open);
    CHECK(r->status->phase == schedule::Phase::overskredet);
  }

  TEST_CASE("an end recorded ahead of time cuts the bands and drops the later points") {
    Forloeb f = Case("A2").worker("a").start("2025-11-03");
    end(f, "2026-03-20", EndStatus::interrupted);
    Board b = compute_board(board_team(), {f}, at("2026-03-10"));
    const BoardRow* r = row(b, "A2");
    REQUIRE(r);
    REQUIRE(r->bands.size() == 2);
    CHECK(r->bands[1].kind == K::fase2);
    CHECK(r->bands[1].to == D("2026-03-20"));
    std::vector<M> kinds;
    for (const auto& m : r->markers) kinds.push_back(m.kind);
    CHECK(kinds == std::vector<M>{M::phase2, M::end});
    CHECK(r->markers.back().date == D("2026-03-20"));
  }

  TEST_CASE("a contact period without opstart runs open to today; markers are the plan's points") {
    std::vector<Forloeb> fs{Case("A3").worker("a").contact("2026-02-20"), Case("A4").worker("a").start("2026-01-12")};
    Board b = compute_board(board_team(), fs, at("2026-03-10"));
    const BoardRow* k = row(b, "A3");
    REQUIRE(k);
    REQUIRE(k->bands.size() == 1);
    CHECK(k->bands[0].open);
    CHECK(k->bands[0].to == D("2026-03-11"));
    CHECK(k->markers.empty());
    const BoardRow* p = row(b, "A4");
    REQUIRE(p);
    REQUIRE(p->markers.size() == 4);
    CHECK(p->markers[0].date == D("2026-04-12"));
    CHECK(p->markers[1].date == D("2026-07-12"));
    CHECK(p->markers[2].kind == M::handover);
    CHECK(p->markers[2].date == D("2026-09-12"));
    CHECK(p->markers[3].kind == M::planned_end);
    CHECK(p->markers[3].date == D("2026-10-12"));
  }

  TEST_CASE("groups follow cti.yaml; rows and summaries are those of cti status; caseload joined") {
    std::vector<Forloeb> fs{Case("B1").worker("b").start("2026-01-05"), Case("A5").worker("a").start("2025-12-01"),
                            Case("A6").worker("a").start("2026-02-01")};
    Board b = compute_board(board_team(), fs, at("2026-03-10"));
    REQUIRE(b.groups.size() == 2);
    CHECK(b.groups[0].worker == "a");
    CHECK(b.groups[0].name == "Anna");
    CHECK(b.groups[1].worker == "b");
    StatusQuery sq;
    sq.today = D("2026-03-10");
    auto rows = status_rows(board_team(), fs, sq);
    REQUIRE(b.groups[0].rows.size() == 2);
    std::vector<std::string> want, got;
    for (const auto& r : rows)
      if (r.worker == "a") want.push_back(r.id);
    for (const auto& r : b.groups[0].rows) got.push_back(r.id);
    CHECK(got == want);
    CHECK(b.groups[0].summary.active == 2);
    CHECK(b.groups[0].rows[0].overdue() == rows[0].overdue_count());
    REQUIRE(b.groups[1].caseload);
    CHECK(b.groups[1].caseload->capacity == doctest::Approx(5));
    CHECK(b.caseload.team.now.counts.active() == 3);
    CHECK(b.rows == 3);
  }

  TEST_CASE("a forløb whose file has errors is a marked row under its worker, never left out") {
    Forloeb bad = Case("A7").worker("a").start("2026-01-05");
    bad.diagnostics.push_back(make_diag(bad.file, {5, 10}, Severity::error, "invalid-date", "not a date"));
    bad.dates_unreadable = true;  // its opstart is no date: a marked row without bands
    Forloeb warn = Case("A8").worker("a").start("2026-01-05");
    warn.diagnostics.push_back(make_diag(warn.file, {3, 1}, Severity::warning, "past-planned-end", "late"));
    Board b = compute_board(board_team(), {bad, warn}, at("2026-03-10"));
    const BoardRow* r = row(b, "A7");
    REQUIRE(r);
    CHECK(r->has_error);
    CHECK(r->error_rule == "invalid-date");
    CHECK(r->error_line == 5);
    CHECK(r->file == "forloeb/A7.yaml");
    CHECK(r->bands.empty());
    CHECK_FALSE(row(b, "A8")->has_error);
    CHECK(b.errors == 1);
    CHECK(b.groups[0].errors == 1);
    CHECK(b.uncounted.invalid() == 1);
    CHECK(b.uncounted.unreadable == std::vector<std::string>{"forloeb/A7.yaml"});
    // --worker b: A7 (worker a) is not on b's board.
    Board bb = compute_board(board_team(), {bad}, at("2026-03-10", 6, "b"));
    CHECK(bb.errors == 0);
  }

  TEST_CASE("the page: same bytes twice, escaped, no script, no URL, CPR-shaped text masked") {
    i18n::set_lang(Lang::da);
    Project p = board_team();
    p.name = "Team <a> & \"b\" 010203-1234";
    std::vector<Forloeb> fs{Case("A9").worker("a").contact("2025-12-01").start("2026-01-05")};
    Board b = compute_board(p, fs, at("2026-03-10"));
    std::string html = render_board_html(b);
    CHECK(html == render_board_html(compute_board(p, fs, at("2026-03-10"))));
    CHECK(html.find("Team &lt;a&gt; &amp; &quot;b&quot;") != std::string::npos);
    CHECK(html.find("010203-1234") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("lang=\"da\"") != std::string::npos);
    CHECK(html.find("Tidslinje") != std::string::npos);
    CHECK(html.find("data-id=\"A9\"") != std::string::npos);
    i18n::set_lang(Lang::en);
    CHECK(render_board_html(b).find("Timeline") != std::string::npos);
  }
}

}  // namespace cti::test::report_board
