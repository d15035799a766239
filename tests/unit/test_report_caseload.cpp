// The caseload counting (report/caseload): weights, forecast days, phases in the
// forecast, capacity at 0.5 årsværk, over capacity, simultaneous move-ins.
#include <doctest/doctest.h>

#include "base/lang.hpp"
#include "builders.hpp"
#include "report/caseload.hpp"

namespace cti::test::report_caseload {

using namespace cti::report;
using schedule::Phase;

Project project_half() {
  Project p = team({{"a", "Anna", 0.5}, {"b", "Bo", 1.0}});
  p.caseload_per_fte = 10;
  return p;
}

// Worker a (0.5 årsværk, capacity 5) on 2026-03-10:
//   A1 opstart 2026-02-02: fase1 until 05-02, fase2 until 08-02
//   A2 opstart 2025-12-01: fase2 from 03-01, fase3 from 06-01
//   A3 opstart 2025-06-01: planned end 2026-03-01, so overskredet today
//   A4 no opstart, indflytning 2026-04-10: kontakt
//   A5 opstart 2026-03-01, indflytning 2026-03-20: fase1 until 06-01
//   A6 opstart 2025-08-15: fase3 from 02-15, planned end 05-15
//   A7 opstart 2026-03-05, indflytning 2026-03-25: fase1 until 06-05
std::vector<Forloeb> team_a() {
  return {Case("A1").worker("a").start("2026-02-02"),
          Case("A2").worker("a").start("2025-12-01"),
          Case("A3").worker("a").start("2025-06-01"),
          Case("A4").worker("a").move_in("2026-04-10"),
          Case("A5").worker("a").start("2026-03-01").move_in("2026-03-20"),
          Case("A6").worker("a").start("2025-08-15"),
          Case("A7").worker("a").start("2026-03-05").move_in("2026-03-25")};
}

TEST_SUITE("caseload") {
  TEST_CASE("phase weights are the manual's 4:2:1 with phase 1 = 1") {
    CHECK(phase_weight(Phase::fase1) == 1.0);
    CHECK(phase_weight(Phase::fase2) == 0.5);
    CHECK(phase_weight(Phase::fase3) == 0.25);
    CHECK(phase_weight(Phase::overskredet) == 0.25);
    CHECK(phase_weight(Phase::kontakt) == 0.0);
    CHECK(phase_weight(Phase::afsluttet) == 0.0);
  }

  TEST_CASE("forecast days: the first of each coming month, across a year end") {
    auto days = forecast_days(D("2026-11-23"), 3);
    REQUIRE(days.size() == 3);
    CHECK(days[0] == D("2026-12-01"));
    CHECK(days[1] == D("2027-01-01"));
    CHECK(days[2] == D("2027-02-01"));
    CHECK(forecast_days(D("2026-01-01"), 1)[0] == D("2026-02-01"));  // the 1st itself is not "coming"
    CHECK(forecast_days(D("2026-01-31"), 0).empty());
  }

  TEST_CASE("forecast phase: a forløb past its planned end is taken to have ended") {
    Forloeb f = Case("X").worker("a").start("2026-01-15");  // planned end 2026-10-15
    CHECK(forecast_phase(f, D("2026-10-14")) == Phase::fase3);
    CHECK(forecast_phase(f, D("2026-10-15")) == Phase::fase3);  // the planned end day: the last of fase3
    CHECK(schedule::phase_on(f, D("2026-10-16")) == Phase::overskredet);
    CHECK(forecast_phase(f, D("2026-10-16")) == Phase::afsluttet);
    Forloeb k = Case("K").worker("a");
    CHECK(forecast_phase(k, D("2027-01-01")) == Phase::kontakt);  // no opstart: stays in contact
  }

  TEST_CASE("capacity at 0.5 årsværk, over capacity today, room once the overrun ends") {
    auto fl = team_a();
    Caseload c = compute_caseload(project_half(), fl, {D("2026-03-10"), 3, ""});
    REQUIRE(c.workers.size() == 2);
    const WorkerCaseload& a = c.workers[0];
    CHECK(a.id == "a");
    CHECK(a.capacity == doctest::Approx(5.0));  // 10 x 0.5
    CHECK(a.now.counts.kontakt == 1);
    CHECK(a.now.counts.fase1 == 3);        // A1 A5 A7
    CHECK(a.now.counts.fase2 == 1);        // A2
    CHECK(a.now.counts.fase3 == 1);        // A6
    CHECK(a.now.counts.overskredet == 1);  // A3
    CHECK(a.now.counts.active() == 6);
    CHECK(a.now.free == doctest::Approx(-1));
    CHECK(a.now.load == doctest::Approx(3 * 1 + 0.5 + 0.25 + 0.25));  // 4
    CHECK(a.over_capacity());
    REQUIRE(a.forecast.size() == 3);
    // 04-01: A3 counted as ended; A1 A5 A7 fase1, A2 fase2, A6 fase3: 5 active, load 3.75
    CHECK(a.forecast[0].counts.active() == 5);
    CHECK(a.forecast[0].load == doctest::Approx(3.75));
    CHECK(a.forecast[0].free == doctest::Approx(0));
    // 05-01: the same (A1 is in fase1 until 05-02, A6 in fase3 until 05-15)
    CHECK(a.forecast[1].counts.active() == 5);
    // 06-01: A6 ended; A1 fase2, A5 fase2 (from 06-01), A7 fase1, A2 fase3: 4, load 2.25
    CHECK(a.forecast[2].counts.active() == 4);
    CHECK(a.forecast[2].counts.fase1 == 1);
    CHECK(a.forecast[2].load == doctest::Approx(0.5 + 0.5 + 1 + 0.25));
    REQUIRE(a.room_from().has_value());
    CHECK(*a.room_from() == D("2026-06-01"));

    const WorkerCaseload& b = c.workers[1];
    CHECK(b.capacity == doctest::Approx(10.0));
    CHECK(b.now.counts.active() == 0);
    CHECK(*b.room_from() == D("2026-03-10"));  // room today
    CHECK(c.team.capacity == doctest::Approx(15.0));
    CHECK(c.team.now.counts.active() == 6);
    CHECK(c.team.forecast[2].counts.active() == 4);
  }

  TEST_CASE("simultaneous move-ins: several in phase 1, and move-ins in the same month") {
    auto fl = team_a();
    Caseload c = compute_caseload(project_half(), fl, {D("2026-03-10"), 1, "a"});
    REQUIRE(c.workers.size() == 1);
    const auto& m = c.workers[0].move_ins;
    REQUIRE(m.size() == 2);
    CHECK(m[0].kind == MoveInCluster::Kind::phase1);
    CHECK(m[0].ids == std::vector<std::string>{"A1", "A5", "A7"});
    CHECK(m[1].kind == MoveInCluster::Kind::same_month);
    CHECK(m[1].month == "2026-03");
    CHECK(m[1].ids == std::vector<std::string>{"A5", "A7"});  // A4 moves in alone in April
  }

  TEST_CASE("phase 1 is 'several' above a third of the capacity") {
    std::vector<Forloeb> fl = {Case("P1").worker("b").start("2026-03-01"), Case("P2").worker("b").start("2026-03-02"),
                               Case("P3").worker("b").start("2026-03-03"), Case("P4").worker("b").start("2026-03-04")};
    std::vector<const Forloeb*> three = {&fl[0], &fl[1], &fl[2]};
    std::vector<const Forloeb*> four = {&fl[0], &fl[1], &fl[2], &fl[3]};
    CHECK(move_in_clusters(three, D("2026-03-10"), 10).empty());  // 3 <= 10/3: steady intake
    CHECK(move_in_clusters(four, D("2026-03-10"), 10).size() == 1);
    std::vector<const Forloeb*> two = {&fl[0], &fl[1]};
    CHECK(move_in_clusters(two, D("2026-03-10"), 5).size() == 1);  // 2 > 5/3
    std::vector<const Forloeb*> one = {&fl[0]};
    CHECK(move_in_clusters(one, D("2026-03-10"), 1).empty());  // never for a single borger
  }

  TEST_CASE("a worker only found in forløb files has no capacity") {
    std::vector<Forloeb> fl = {Case("Z1").worker("zz").start("2026-03-01")};
    Caseload c = compute_caseload(project_half(), fl, {D("2026-03-10"), 1, ""});
    REQUIRE(c.workers.size() == 3);
    CHECK(c.workers[2].id == "zz");
    CHECK_FALSE(c.workers[2].known);
    CHECK(c.workers[2].capacity == 0);
    CHECK(c.workers[2].over_capacity());
    CHECK_FALSE(c.workers[2].room_from().has_value());
  }

  TEST_CASE("a forløb whose file has errors is counted; one whose dates cannot be read is named apart") {
    auto fl = team_a();
    const int fase1 = compute_caseload(project_half(), fl, {D("2026-03-10"), 1, ""}).workers[0].now.counts.fase1;
    fl[0].diagnostics.push_back(make_diag(fl[0].file, {1, 1}, Severity::error, "unknown-key", "x"));
    Caseload c = compute_caseload(project_half(), fl, {D("2026-03-10"), 1, ""});
    CHECK(c.uncounted.invalid() == 1);
    CHECK(c.uncounted.unreadable.empty());
    CHECK(c.workers[0].now.counts.fase1 == fase1);  // still counted
    fl[0].dates_unreadable = true;
    c = compute_caseload(project_half(), fl, {D("2026-03-10"), 1, ""});
    CHECK(c.uncounted.invalid() == 1);
    CHECK(c.uncounted.unreadable == std::vector<std::string>{fl[0].file});
    CHECK(c.workers[0].now.counts.fase1 == fase1 - 1);
  }

  TEST_CASE("format_number: at most two decimals, decimal comma in Danish") {
    i18n::set_lang(Lang::en);
    CHECK(format_number(5) == "5");
    CHECK(format_number(4.5) == "4.5");
    CHECK(format_number(2.75) == "2.75");
    CHECK(format_number(1.0 / 3) == "0.33");
    CHECK(format_number(-1) == "-1");
    CHECK(format_number(-0.001) == "0");
    i18n::set_lang(Lang::da);
    CHECK(format_number(2.75) == "2,75");
    i18n::set_lang(Lang::en);
  }
}

}  // namespace cti::test::report_caseload
