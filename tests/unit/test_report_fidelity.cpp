// Fidelity figures (report/fidelity): each numerator and denominator on forløb whose
// history is written out below, counted by hand.
#include <doctest/doctest.h>

#include <algorithm>

#include "builders.hpp"
#include "report/fidelity.hpp"

namespace cti::test::report_fidelity {

using namespace cti::report;

// Every item of the built-in checklist's stage `s` recorded on `date`.
void stage_done(Forloeb& f, Stage s, const char* date) {
  for (const auto& item : builtin_checklist())
    if (item.stage == s) done(f, item.id, date);
}

Project project() {
  return team({{"a", "Anna", 1.0}, {"b", "Bo", 1.0}});
}

// F1 (a): kontakt 2025-01-01, opstart 2025-02-01 (fase2 05-01, fase3 08-01, handover
//   10-01, end 11-01), gennemført 2025-11-01. Checklists: kontakt, fase2 (jobcenter ikke
//   relevant) and afslutning on time, fase3 late (evaluering 08-10): 3/4. Documentation:
//   fase2 late: 3/4. Handover 09-25: 1/1. Contact 31 days, length 273 days. Peer offered.
// F2 (a): opstart 2025-06-01, running, nothing recorded. On 2026-01-01: kontakt (06-01),
//   fase2 (09-01), fase3 (12-01) due and incomplete: 0/3; afslutning (2026-03-01) not yet.
//   Documentation 0/3. Handover (2026-02-01) not yet. Peer not offered: 0/1.
// F3 (b): kontakt 2025-03-01, opstart 2025-03-15, afbrudt 2025-05-15. Only kontakt is
//   due (done 03-10): 1/1. Documentation opstart on time, afslutning (due at the end)
//   missing: 1/2. Contact 14 days, length 61 days. Peer item ikke relevant: left out.
// F4 (b): opstart 2024-01-10, no end: overskredet since 2024-10-10. Nothing done: 0/4,
//   documentation 0/4, handover 0/1. Past 9 months. Peer offered 2024-02-01.
std::vector<Forloeb> repo() {
  Forloeb f1 = Case("F1").worker("a").contact("2025-01-01").start("2025-02-01");
  stage_done(f1, Stage::kontakt, "2025-01-20");
  stage_done(f1, Stage::fase2, "2025-04-28");
  f1.checklist.erase(std::find_if(f1.checklist.begin(), f1.checklist.end(),
                                  [](const ChecklistMark& m) { return m.item == "jobcenter"; }));
  not_relevant(f1, "jobcenter");
  done(f1, "evaluering", "2025-08-10");
  done(f1, "planændringer", "2025-07-30");
  done(f1, "netværk-etableret", "2025-10-20");
  done(f1, "overdragelsesmøder", "2025-09-25");
  done(f1, "overdragelsesplan", "2025-10-25");
  done(f1, "ansvar-forankret", "2025-11-01");
  doc(f1, DocPoint::opstart, "2025-02-01");
  doc(f1, DocPoint::fase2, "2025-05-05");
  doc(f1, DocPoint::fase3, "2025-08-01");
  doc(f1, DocPoint::afslutning, "2025-11-01");
  end(f1, "2025-11-01", EndStatus::completed);
  peer_offered(f1, "2025-03-01");

  Forloeb f2 = Case("F2").worker("a").start("2025-06-01");

  Forloeb f3 = Case("F3").worker("b").contact("2025-03-01").start("2025-03-15");
  stage_done(f3, Stage::kontakt, "2025-03-10");
  doc(f3, DocPoint::opstart, "2025-03-15");
  end(f3, "2025-05-15", EndStatus::interrupted);
  not_relevant(f3, kPeerSupportItem);

  Forloeb f4 = Case("F4").worker("b").start("2024-01-10");
  done(f4, kPeerSupportItem, "2024-02-01");

  Forloeb f5 = Case("F5").worker("b").start("2025-01-01");
  f5.diagnostics.push_back(make_diag(f5.file, {1, 1}, Severity::error, "yaml-syntax", "x"));
  f5.dates_unreadable = true;
  return {f1, f2, f3, f4, f5};
}

TEST_SUITE("fidelity") {
  TEST_CASE("ratio and median") {
    CHECK_FALSE(Ratio{}.share().has_value());
    CHECK(*Ratio{1, 4}.share() == doctest::Approx(0.25));
    CHECK_FALSE(Median{}.value().has_value());
    CHECK(*Median{{5, 1, 3}}.value() == 3);
    CHECK(*Median{{10, 1, 4, 3}}.value() == 3.5);
  }

  TEST_CASE("per worker and team, every numerator and denominator") {
    auto fl = repo();
    auto r = compute_fidelity(project(), fl, {D("2026-01-01"), std::nullopt, std::nullopt, ""});
    CHECK(r.peer_tracked);  // F1 has peer_støtte
    CHECK(r.uncounted.invalid() == 1);
    CHECK(r.uncounted.unreadable.size() == 1);
    REQUIRE(r.workers.size() == 2);
    const Fidelity& a = r.workers[0];
    CHECK(a.in_scope == 2);
    CHECK(a.checklists.num == 3);
    CHECK(a.checklists.den == 7);  // F1 3/4 + F2 0/3
    CHECK(a.documentation.num == 3);
    CHECK(a.documentation.den == 7);
    CHECK(a.handover.num == 1);
    CHECK(a.handover.den == 1);
    CHECK(a.ended == 1);
    CHECK(a.completed == 1);
    CHECK(a.past_nine_months.num == 0);
    CHECK(a.past_nine_months.den == 2);
    CHECK(*a.contact_days.value() == 31);
    CHECK(*a.length_days.value() == 273);
    CHECK(a.peer_support->num == 1);
    CHECK(a.peer_support->den == 2);

    const Fidelity& t = r.team;
    CHECK(t.in_scope == 4);
    CHECK(t.checklists.num == 4);
    CHECK(t.checklists.den == 12);
    CHECK(t.documentation.num == 4);
    CHECK(t.documentation.den == 13);
    CHECK(t.handover.num == 1);
    CHECK(t.handover.den == 2);
    CHECK(t.ended == 2);
    CHECK(t.completed == 1);
    CHECK(t.interrupted == 1);
    CHECK(t.moved == 0);
    CHECK(t.completed_share.num == 1);
    CHECK(t.completed_share.den == 2);
    CHECK(*t.contact_days.value() == 22.5);  // 31 and 14
    CHECK(*t.length_days.value() == 167);    // 273 and 61
    CHECK(t.past_nine_months.num == 1);
    CHECK(t.past_nine_months.den == 4);
    CHECK(t.peer_support->num == 2);
    CHECK(t.peer_support->den == 3);  // F3 is ikke relevant
  }

  TEST_CASE("--from leaves out what lies before it") {
    auto fl = repo();
    auto r = compute_fidelity(project(), fl, {D("2026-01-01"), D("2025-06-01"), std::nullopt, ""});
    const Fidelity& a = r.workers[0];
    CHECK(a.checklists.num == 1);  // F1 fase3 (late) and afslutning; F2 kontakt, fase2, fase3
    CHECK(a.checklists.den == 5);
    CHECK(a.documentation.num == 2);  // F1 fase3, afslutning; F2 three
    CHECK(a.documentation.den == 5);
    CHECK(a.contact_days.days.empty());  // F1's opstart is before --from
    const Fidelity& b = r.workers[1];
    CHECK(b.in_scope == 1);  // F3 ended before --from
    CHECK(b.checklists.den == 0);
    CHECK(b.past_nine_months.num == 1);
  }

  TEST_CASE("--to: the evaluation day, and an end after it counts as running") {
    auto fl = repo();
    auto r = compute_fidelity(project(), fl, {D("2026-01-01"), std::nullopt, D("2025-10-31"), "a"});
    CHECK(r.evaluated == D("2025-10-31"));
    REQUIRE(r.workers.size() == 1);
    const Fidelity& a = r.workers[0];
    CHECK(a.ended == 0);           // F1 ends 11-01, after --to
    CHECK(a.checklists.den == 5);  // F1 kontakt, fase2, fase3; F2 kontakt, fase2
    CHECK(a.handover.den == 1);
    CHECK(a.past_nine_months.num == 0);
    auto later = compute_fidelity(project(), fl, {D("2025-10-31"), std::nullopt, D("2026-06-01"), ""});
    CHECK(later.evaluated == D("2025-10-31"));  // never after today
  }

  TEST_CASE("peer support is not tracked without the item or any peer_støtte") {
    std::vector<Forloeb> fl = {Case("G1").worker("a").start("2025-06-01")};
    auto r = compute_fidelity(project(), fl, {D("2026-01-01"), std::nullopt, std::nullopt, ""});
    CHECK_FALSE(r.peer_tracked);
    CHECK_FALSE(r.team.peer_support.has_value());
    Project p = project();
    p.checklist_add.push_back({{std::string(kPeerSupportItem), "Peer-støtte er tilbudt", Stage::fase2}, {}});
    auto r2 = compute_fidelity(p, fl, {D("2026-01-01"), std::nullopt, std::nullopt, ""});
    CHECK(r2.peer_tracked);
    CHECK(r2.team.peer_support->den == 1);
  }
}

}  // namespace cti::test::report_fidelity
