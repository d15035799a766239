// The schedule of SPEC section 3 (schedule/schedule): phases, points, obligations and
// their states; the default board (which forløb `cti status` and `cti agenda` list without
// --all, the planned end day as the last day of fase3, the points an early end drops); and
// the contact item of cti.yaml kontaktlog at each boundary, with dokumentation_frist_dage
// moving documentation due dates.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/checklist.hpp"
#include "base/project.hpp"
#include "builders.hpp"
#include "schedule/dues.hpp"
#include "schedule/schedule.hpp"
#include "schedule/timeline.hpp"

namespace cti::test::schedule_schedule {

using namespace cti::schedule;

std::string F(Date d) {
  return format_date(d);
}

const Obligation* find(const std::vector<Obligation>& os, std::string_view id,
                       Obligation::Kind k = Obligation::Kind::checklist) {
  for (const auto& o : os)
    if (o.id == id && o.kind == k) return &o;
  return nullptr;
}

std::string phase(const Forloeb& f, const char* day) {
  return std::string(phase_name(phase_on(f, D(day))));
}

const std::vector<ChecklistItem>& items() {
  return builtin_checklist();
}

// Every afslutning item of the built-in checklist recorded on `date`.
void close_items(Forloeb& f, const char* date) {
  for (const auto& it : items())
    if (it.stage == Stage::afslutning) done(f, it.id, date);
}

// opstart 2025-02-03: fase2 from 2025-05-03, fase3 from 2025-08-03, planned end 2025-11-03.
Forloeb logged() {
  return Case("K-1").start("2025-02-03").contact_log();
}

const ContactLimits kLimits{7, 14, 28};

ObligationSettings settings(const char* today) {
  ObligationSettings s;
  s.contact_log = kLimits;
  s.today = D(today);
  return s;
}

// The state of the contact item on `today` (horizon 0): nothing when none is owed.
std::optional<State> contact_state(const Forloeb& f, const char* today) {
  auto o = contact_obligation(f, kLimits, D(today));
  if (!o) return std::nullopt;
  return state_on(*o, D(today), 0);
}

TEST_SUITE("schedule") {
  TEST_CASE("plan: points from opstart, with month-end clamping") {
    auto p = plan_of(Case("K-1").start("2025-02-03"));
    REQUIRE(p);
    CHECK(F(p->phase2) == "2025-05-03");
    CHECK(F(p->phase3) == "2025-08-03");
    CHECK(F(p->handover) == "2025-10-03");
    CHECK(F(p->planned_end) == "2025-11-03");

    auto q = plan_of(Case("K-1").start("2023-11-30"));
    CHECK(F(q->phase2) == "2024-02-29");
    CHECK(F(q->phase3) == "2024-05-30");
    CHECK(F(q->handover) == "2024-07-30");
    CHECK(F(q->planned_end) == "2024-08-30");

    auto r = plan_of(Case("K-1").start("2024-05-31"));
    CHECK(F(r->phase2) == "2024-08-31");
    CHECK(F(r->phase3) == "2024-11-30");
    CHECK(F(r->handover) == "2025-01-31");
    CHECK(F(r->planned_end) == "2025-02-28");

    CHECK_FALSE(plan_of(Case("K-1").contact("2025-01-01")));
  }

  TEST_CASE("phase boundaries: the day before, on and after each point (opstart 2025-02-03)") {
    Forloeb f = Case("K-1").start("2025-02-03").contact("2025-01-06");
    CHECK(phase(f, "2025-01-05") == "kontakt");
    CHECK(phase(f, "2025-02-02") == "kontakt");
    CHECK(phase(f, "2025-02-03") == "fase1");
    CHECK(phase(f, "2025-02-04") == "fase1");
    CHECK(phase(f, "2025-05-02") == "fase1");
    CHECK(phase(f, "2025-05-03") == "fase2");
    CHECK(phase(f, "2025-05-04") == "fase2");
    CHECK(phase(f, "2025-08-02") == "fase2");
    CHECK(phase(f, "2025-08-03") == "fase3");
    CHECK(phase(f, "2025-08-04") == "fase3");
    // m(opstart, 8) is not a phase boundary: still fase3 on each side
    CHECK(phase(f, "2025-10-02") == "fase3");
    CHECK(phase(f, "2025-10-03") == "fase3");
    CHECK(phase(f, "2025-10-04") == "fase3");
    CHECK(phase(f, "2025-11-02") == "fase3");
    CHECK(phase(f, "2025-11-03") == "fase3");  // the planned end day is the last day of fase3
    CHECK(phase(f, "2025-11-04") == "overskredet");
    CHECK(phase(f, "2027-01-01") == "overskredet");
  }

  TEST_CASE("phase boundaries with clamping: opstart 2024-01-31 (leap year)") {
    Forloeb f = Case("K-1").start("2024-01-31");
    // m3 = 2024-04-30, m6 = 2024-07-31, m8 = 2024-09-30, m9 = 2024-10-31
    CHECK(phase(f, "2024-01-30") == "kontakt");
    CHECK(phase(f, "2024-01-31") == "fase1");
    CHECK(phase(f, "2024-04-29") == "fase1");
    CHECK(phase(f, "2024-04-30") == "fase2");
    CHECK(phase(f, "2024-05-01") == "fase2");
    CHECK(phase(f, "2024-07-30") == "fase2");
    CHECK(phase(f, "2024-07-31") == "fase3");
    CHECK(phase(f, "2024-08-01") == "fase3");
    CHECK(phase(f, "2024-10-30") == "fase3");
    CHECK(phase(f, "2024-10-31") == "fase3");
    CHECK(phase(f, "2024-11-01") == "overskredet");
  }

  TEST_CASE("contact period: no opstart, or opstart in the future") {
    Forloeb f = Case("K-1").contact("2025-01-06");
    CHECK(phase(f, "2025-03-01") == "kontakt");
    CHECK(*day_in_phase(f, D("2025-01-06")) == 1);
    CHECK(*day_in_phase(f, D("2025-03-01")) == 55);
    CHECK_FALSE(next_point(f, D("2025-03-01")));
    // The kontakt items and opstart are owed by kontakt + kontakt_højst_dage (default 60).
    ObligationSettings s;
    s.today = D("2025-03-07");
    const auto owed = obligations(f, builtin_checklist(), s);
    REQUIRE(owed.size() == 4);
    for (const auto& o : owed) {
      CHECK(o.point == "kontakt");
      CHECK(o.due == D("2025-03-07"));
      CHECK(state_on(o, D("2025-03-07"), 0) == State::due_soon);  // day 60: due, not late
      CHECK(state_on(o, D("2025-03-08"), 0) == State::overdue);   // day 61
    }
    CHECK(owed.back().kind == Obligation::Kind::start);
    CHECK(owed.back().id == "opstart");
    CHECK(owed.back().days_since == 60);
    s.contact_period_days = 30;
    CHECK(obligations(f, builtin_checklist(), s).front().due == D("2025-02-05"));
    CHECK(obligations(Case("K-1").contact("2025-01-06").end("2025-02-01", EndStatus::interrupted), builtin_checklist())
              .empty());

    Forloeb g = Case("K-1");  // neither kontakt nor opstart
    CHECK(phase(g, "2025-03-01") == "kontakt");
    CHECK_FALSE(day_in_phase(g, D("2025-03-01")));
    CHECK_FALSE(next_point(g, D("2025-03-01")));

    Forloeb h = Case("K-1").start("2025-02-03").contact("2025-01-06");
    auto n = next_point(h, D("2025-01-20"));
    REQUIRE(n);
    CHECK(n->kind == PointKind::opstart);
    CHECK(F(n->date) == "2025-02-03");
    CHECK(*day_in_phase(h, D("2025-01-20")) == 15);
    CHECK_FALSE(day_in_phase(h, D("2025-01-01")));  // before the contact date
  }

  TEST_CASE("day in phase is 1 on the phase's first day") {
    Forloeb f = Case("K-1").start("2025-02-03");
    CHECK(*day_in_phase(f, D("2025-02-03")) == 1);
    CHECK(*day_in_phase(f, D("2025-05-02")) == 89);
    CHECK(*day_in_phase(f, D("2025-05-03")) == 1);
    CHECK(*day_in_phase(f, D("2025-08-03")) == 1);
    CHECK(*day_in_phase(f, D("2025-11-03")) == 93);  // the planned end day: fase3's last day
    CHECK(*day_in_phase(f, D("2025-11-04")) == 1);   // overskredet from the day after
    CHECK(*day_in_phase(f, D("2025-11-10")) == 7);
    end(f, "2025-06-01", EndStatus::interrupted);
    CHECK(*day_in_phase(f, D("2025-06-01")) == 1);
    CHECK(*day_in_phase(f, D("2025-06-03")) == 3);
  }

  TEST_CASE("next point: the first point strictly after today") {
    Forloeb f = Case("K-1").start("2025-02-03");
    auto kind = [&](const char* d) { return std::string(point_name(next_point(f, D(d))->kind)); };
    auto date = [&](const char* d) { return F(next_point(f, D(d))->date); };
    CHECK(kind("2025-02-03") == "fase2");
    CHECK(kind("2025-05-02") == "fase2");
    CHECK(kind("2025-05-03") == "fase3");
    CHECK(kind("2025-08-03") == "overdragelsesmøder");
    CHECK(date("2025-10-02") == "2025-10-03");
    CHECK(kind("2025-10-03") == "afslutning");
    CHECK(date("2025-11-02") == "2025-11-03");
    // overskredet: the past planned end
    CHECK(kind("2025-11-03") == "afslutning");
    CHECK(date("2025-12-24") == "2025-11-03");
    // afsluttet: nothing
    end(f, "2025-11-10", EndStatus::completed);
    CHECK(next_point(f, D("2025-12-24")) == std::nullopt);
    // before that end (recorded ahead of time), overskredet points at the end date
    CHECK(phase(f, "2025-11-05") == "overskredet");
    CHECK(date("2025-11-05") == "2025-11-10");
  }

  TEST_CASE("next point with an early end recorded ahead of time") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-06-15", EndStatus::moved);
    CHECK(point_name(next_point(f, D("2025-04-01"))->kind) == "fase2");
    auto n = next_point(f, D("2025-05-10"));
    CHECK(n->kind == PointKind::afslutning);
    CHECK(F(n->date) == "2025-06-15");
    CHECK_FALSE(next_point(f, D("2025-06-15")));
  }

  TEST_CASE("early and ended forløb: phase afsluttet from the end date") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-04-10", EndStatus::interrupted);
    CHECK(phase(f, "2025-04-09") == "fase1");
    CHECK(phase(f, "2025-04-10") == "afsluttet");
    CHECK(phase(f, "2025-04-11") == "afsluttet");
    CHECK(phase(f, "2026-04-11") == "afsluttet");

    Forloeb late = Case("K-1").start("2025-02-03");
    end(late, "2025-12-01", EndStatus::completed);
    CHECK(phase(late, "2025-11-30") == "overskredet");
    CHECK(phase(late, "2025-12-01") == "afsluttet");
  }

  TEST_CASE("obligations: due dates per point") {
    auto os = obligations(Case("K-1").start("2025-02-03"), builtin_checklist());
    CHECK(os.size() == builtin_checklist().size() + 4);
    CHECK(F(find(os, "kontakt-etableret")->due) == "2025-02-03");
    CHECK(F(find(os, "økonomi")->due) == "2025-05-03");
    CHECK(F(find(os, "evaluering")->due) == "2025-08-03");
    CHECK(F(find(os, "overdragelsesmøder")->due) == "2025-10-03");
    CHECK(F(find(os, "ansvar-forankret")->due) == "2025-11-03");
    CHECK(F(find(os, "opstart", Obligation::Kind::documentation)->due) == "2025-02-03");
    CHECK(F(find(os, "fase2", Obligation::Kind::documentation)->due) == "2025-05-03");
    CHECK(F(find(os, "fase3", Obligation::Kind::documentation)->due) == "2025-08-03");
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-11-03");
    CHECK(std::is_sorted(os.begin(), os.end(), [](auto& a, auto& b) { return a.due < b.due; }));
  }

  TEST_CASE("afbrudt early: later items not due, documentation afslutning at the end date") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-06-10", EndStatus::interrupted);
    auto os = obligations(f, builtin_checklist());
    CHECK(find(os, "økonomi"));           // fase2 (2025-05-03) was before the end
    CHECK_FALSE(find(os, "evaluering"));  // fase3 (2025-08-03) is after it
    CHECK_FALSE(find(os, "overdragelsesmøder"));
    CHECK_FALSE(find(os, "ansvar-forankret"));
    CHECK_FALSE(find(os, "fase3", Obligation::Kind::documentation));
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-06-10");
  }

  TEST_CASE("overdraget early between m(8) and m(9): handover meetings still due at m(8)") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-10-20", EndStatus::moved);
    auto os = obligations(f, builtin_checklist());
    CHECK(F(find(os, "overdragelsesmøder")->due) == "2025-10-03");
    CHECK_FALSE(find(os, "ansvar-forankret"));
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-10-20");
  }

  TEST_CASE("gennemført early: afslutning items and documentation due at the end date") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-07-01", EndStatus::completed);
    auto os = obligations(f, builtin_checklist());
    CHECK_FALSE(find(os, "evaluering"));
    CHECK(F(find(os, "overdragelsesmøder")->due) == "2025-07-01");
    CHECK(F(find(os, "ansvar-forankret")->due) == "2025-07-01");
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-07-01");
    CHECK(state_on(*find(os, "ansvar-forankret"), D("2025-07-02"), 14) == State::overdue);
  }

  TEST_CASE("an item due on the end date itself is still due") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-05-03", EndStatus::interrupted);  // ends the day phase 2 would begin
    auto os = obligations(f, builtin_checklist());
    CHECK(F(find(os, "økonomi")->due) == "2025-05-03");
    CHECK_FALSE(find(os, "evaluering"));
  }

  TEST_CASE("ended late: documentation afslutning stays due at the planned end") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-12-01", EndStatus::completed);
    auto os = obligations(f, builtin_checklist());
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-11-03");
    CHECK(F(find(os, "ansvar-forankret")->due) == "2025-11-03");
  }

  TEST_CASE("states: overdue, due soon, open, done, ikke relevant") {
    Forloeb f = Case("K-1").start("2025-02-03");
    not_relevant(f, "jobcenter");
    done(f, "økonomi", "2025-05-01");
    auto os = obligations(f, builtin_checklist());
    const auto& afd = *find(os, "afdækning");  // due 2025-05-03
    CHECK(state_on(afd, D("2025-04-18"), 14) == State::open);
    CHECK(state_on(afd, D("2025-04-19"), 14) == State::due_soon);  // 14 days ahead
    CHECK(state_on(afd, D("2025-05-03"), 14) == State::due_soon);  // due today
    CHECK(state_on(afd, D("2025-05-04"), 14) == State::overdue);
    CHECK(state_on(afd, D("2025-05-02"), 0) == State::open);
    CHECK(state_on(afd, D("2025-05-03"), 0) == State::due_soon);
    CHECK(state_on(*find(os, "jobcenter"), D("2026-01-01"), 14) == State::not_relevant);
    CHECK(state_on(*find(os, "økonomi"), D("2025-06-01"), 14) == State::done);
    // a done date after today does not count yet
    CHECK(state_on(*find(os, "økonomi"), D("2025-04-30"), 14) == State::due_soon);
    CHECK(state_on(*find(os, "økonomi"), D("2025-05-01"), 14) == State::done);
  }

  TEST_CASE("cti.yaml tjeklister: removed and added items") {
    Project p;
    Field<std::string> rm;
    rm.set("jobcenter", {});
    p.checklist_remove.push_back(rm);
    p.checklist_add.push_back({{"peer-støtte-tilbudt", "Peer-støtte er tilbudt", Stage::fase2}, {}});
    p.checklist_add.push_back({{"bolig-besøg", "Besøg i boligen", Stage::kontakt}, {}});
    auto cl = p.checklist();
    CHECK(cl.size() == builtin_checklist().size() + 1);
    auto os = obligations(Case("K-1").start("2025-02-03"), cl);
    CHECK_FALSE(find(os, "jobcenter"));
    CHECK(F(find(os, "peer-støtte-tilbudt")->due) == "2025-05-03");
    CHECK(F(find(os, "bolig-besøg")->due) == "2025-02-03");
    CHECK(find(os, "bolig-besøg")->point == "kontakt");
  }

  TEST_CASE("phase boundaries across a year wrap: opstart 2025-10-31") {
    Forloeb f = Case("K-1").start("2025-10-31");
    // m3 = 2026-01-31 (next year), m6 = 2026-04-30 (clamped), m8 = 2026-06-30, m9 = 2026-07-31
    auto p = plan_of(f);
    CHECK(F(p->phase2) == "2026-01-31");
    CHECK(F(p->phase3) == "2026-04-30");
    CHECK(F(p->handover) == "2026-06-30");
    CHECK(F(p->planned_end) == "2026-07-31");
    CHECK(phase(f, "2025-12-31") == "fase1");
    CHECK(phase(f, "2026-01-30") == "fase1");
    CHECK(phase(f, "2026-01-31") == "fase2");
    CHECK(phase(f, "2026-02-01") == "fase2");
    CHECK(phase(f, "2026-04-29") == "fase2");
    CHECK(phase(f, "2026-04-30") == "fase3");
    CHECK(phase(f, "2026-05-01") == "fase3");
    CHECK(phase(f, "2026-07-30") == "fase3");
    CHECK(phase(f, "2026-07-31") == "fase3");
    CHECK(phase(f, "2026-08-01") == "overskredet");
    CHECK(phase(f, "2026-08-01") == "overskredet");
    CHECK(*day_in_phase(f, D("2026-01-30")) == 92);  // fase1 of 92 days across the new year
  }

  TEST_CASE("the planned end on a leap day, and the year after on the 28th") {
    Forloeb leap = Case("K-1").start("2023-05-31");  // m9 = 2024-02-29
    CHECK(F(plan_of(leap)->planned_end) == "2024-02-29");
    CHECK(phase(leap, "2024-02-28") == "fase3");
    CHECK(phase(leap, "2024-02-29") == "fase3");  // the planned end day: fase3's last day
    CHECK(phase(leap, "2024-03-01") == "overskredet");
    Forloeb plain = Case("K-1").start("2022-05-31");  // m9 = 2023-02-28
    CHECK(F(plan_of(plain)->planned_end) == "2023-02-28");
    CHECK(phase(plain, "2023-02-27") == "fase3");
    CHECK(phase(plain, "2023-02-28") == "fase3");
    CHECK(phase(plain, "2023-03-01") == "overskredet");
  }

  TEST_CASE("overdragelsesmøder around m(opstart, 8): due soon, due today, overdue") {
    Forloeb f = Case("K-1").start("2025-02-03");
    auto os = obligations(f, builtin_checklist());
    const auto& o = *find(os, "overdragelsesmøder");
    CHECK(state_on(o, D("2025-10-02"), 14) == State::due_soon);
    CHECK(state_on(o, D("2025-10-03"), 14) == State::due_soon);
    CHECK(state_on(o, D("2025-10-04"), 14) == State::overdue);
    CHECK(state_on(*find(os, "ansvar-forankret"), D("2025-10-04"), 14) == State::open);  // due 2025-11-03
    CHECK(point_name(next_point(f, D("2025-10-02"))->kind) == "overdragelsesmøder");
    CHECK(point_name(next_point(f, D("2025-10-03"))->kind) == "afslutning");
  }

  TEST_CASE("early ends: the day before, on and after the end date") {
    for (EndStatus s : {EndStatus::interrupted, EndStatus::moved, EndStatus::completed}) {
      CAPTURE(end_status_name(s));
      Forloeb f = Case("K-1").start("2025-02-03");
      end(f, "2025-07-01", s);  // in fase2
      CHECK(phase(f, "2025-06-30") == "fase2");
      CHECK(phase(f, "2025-07-01") == "afsluttet");
      CHECK(phase(f, "2025-07-02") == "afsluttet");
      CHECK(F(next_point(f, D("2025-06-30"))->date) == "2025-07-01");
      CHECK_FALSE(next_point(f, D("2025-07-01")));
      CHECK(*day_in_phase(f, D("2025-07-02")) == 2);
      auto os = obligations(f, builtin_checklist());
      const auto& doc = *find(os, "afslutning", Obligation::Kind::documentation);
      CHECK(F(doc.due) == "2025-07-01");
      CHECK(state_on(doc, D("2025-06-30"), 14) == State::due_soon);
      CHECK(state_on(doc, D("2025-07-01"), 14) == State::due_soon);
      CHECK(state_on(doc, D("2025-07-02"), 14) == State::overdue);
      CHECK_FALSE(find(os, "evaluering"));  // fase3 items are never due
      CHECK(static_cast<bool>(find(os, "ansvar-forankret")) == (s == EndStatus::completed));
    }
  }
}

TEST_SUITE("schedule property") {
  TEST_CASE("every start day 2020-01-01..2030-12-31: ordered phases of 89-92 days, monotone points") {
    std::optional<Plan> prev;
    int starts = 0;
    for (Date s = D("2020-01-01"); s <= D("2030-12-31"); s = add_days(s, 1), ++starts) {
      Forloeb f = Case("K-1").start(F(s).c_str());
      auto p = plan_of(f);
      REQUIRE(p);
      REQUIRE(p->start < p->phase2);
      REQUIRE(p->phase2 < p->phase3);
      REQUIRE(p->phase3 < p->handover);
      REQUIRE(p->handover < p->planned_end);
      for (int len : {days_between(p->start, p->phase2), days_between(p->phase2, p->phase3),
                      days_between(p->phase3, p->planned_end)}) {
        REQUIRE(len >= 89);
        REQUIRE(len <= 92);
      }
      REQUIRE(days_between(p->handover, p->planned_end) >= 28);
      REQUIRE(days_between(p->handover, p->planned_end) <= 31);
      // phases on each side of every boundary
      REQUIRE(phase_on(f, add_days(s, -1)) == Phase::kontakt);
      REQUIRE(phase_on(f, s) == Phase::fase1);
      REQUIRE(phase_on(f, add_days(p->phase2, -1)) == Phase::fase1);
      REQUIRE(phase_on(f, p->phase2) == Phase::fase2);
      REQUIRE(phase_on(f, add_days(p->phase3, -1)) == Phase::fase2);
      REQUIRE(phase_on(f, p->phase3) == Phase::fase3);
      REQUIRE(phase_on(f, add_days(p->planned_end, -1)) == Phase::fase3);
      REQUIRE(phase_on(f, p->planned_end) == Phase::fase3);
      REQUIRE(phase_on(f, add_days(p->planned_end, 1)) == Phase::overskredet);
      if (prev) {  // a later start never moves a point earlier
        REQUIRE(prev->phase2 <= p->phase2);
        REQUIRE(prev->phase3 <= p->phase3);
        REQUIRE(prev->handover <= p->handover);
        REQUIRE(prev->planned_end <= p->planned_end);
      }
      prev = p;
    }
    CHECK(starts == 4018);
  }

  TEST_CASE("phases never go backwards as the day advances") {
    for (const char* start : {"2023-11-30", "2024-01-31", "2024-05-31", "2025-02-28", "2025-08-31"}) {
      Forloeb f = Case("K-1").start(start).contact("2023-10-01");
      Date s = D(start);
      int last = -1;
      for (Date t = add_days(s, -40); t <= add_days(s, 400); t = add_days(t, 1)) {
        int ph = static_cast<int>(phase_on(f, t));
        REQUIRE(ph >= last);
        last = ph;
        auto n = next_point(f, t);
        REQUIRE(n);
        // The next point lies ahead, but on the planned end day: afslutning is today.
        const Date planned_end = plan_of(f)->planned_end;
        if (t == planned_end)
          REQUIRE(n->date == t);
        else if (phase_on(f, t) != Phase::overskredet)
          REQUIRE(n->date > t);
      }
    }
  }
}

TEST_SUITE("default board") {
  TEST_CASE("a running forløb is on the board, also overskredet and in the contact period") {
    CHECK(on_default_board(Case("K-1").start("2025-02-03"), items(), D("2025-06-01")));
    CHECK(on_default_board(Case("K-1").start("2025-02-03"), items(), D("2026-06-01")));  // overskredet
    Forloeb contact;
    contact.contact.set(D("2025-01-01"), {});
    CHECK(on_default_board(contact, items(), D("2025-06-01")));
  }

  TEST_CASE("gennemført: on the board until the afslutning items and documentation are recorded") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-11-03", EndStatus::completed);
    CHECK(on_default_board(f, items(), D("2025-11-04")));  // owes everything
    doc(f, DocPoint::afslutning, "2025-11-03");
    CHECK(on_default_board(f, items(), D("2025-11-04")));  // still owes the afslutning items
    close_items(f, "2025-11-03");
    CHECK_FALSE(on_default_board(f, items(), D("2025-11-04")));
    // Until the end date it is running, whatever is recorded.
    CHECK(on_default_board(f, items(), D("2025-11-02")));
  }

  TEST_CASE("a recording dated after today does not count yet") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-11-03", EndStatus::completed);
    close_items(f, "2025-11-03");
    doc(f, DocPoint::afslutning, "2025-11-20");
    CHECK(on_default_board(f, items(), D("2025-11-10")));
    CHECK_FALSE(on_default_board(f, items(), D("2025-11-20")));
  }

  TEST_CASE("afbrudt: owes only its closing documentation, not the dropped items") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-04-01", EndStatus::interrupted);
    CHECK(on_default_board(f, items(), D("2025-04-02")));
    doc(f, DocPoint::afslutning, "2025-04-01");
    // kontakt items at opstart are unrecorded, but only closing work keeps it on the board
    CHECK_FALSE(on_default_board(f, items(), D("2025-04-02")));
  }

  TEST_CASE("from what dues() gave, under any settings: the same answer") {
    // The status board decides from the dues it already has for the row (with the
    // project's grace days and contact log), not from dues without settings.
    auto same = [](const Forloeb& f, Date t) {
      ObligationSettings settings;
      settings.documentation_grace_days = 14;
      settings.contact_log = ContactLimits{};
      settings.today = t;
      const bool plain = on_default_board(f, items(), t);
      CHECK(on_default_board(f, dues(f, items(), settings), t) == plain);
      CHECK(on_default_board(f, dues(f, items()), t) == plain);
    };
    Forloeb f = Case("K-1").start("2025-02-03");
    same(f, D("2025-06-01"));
    end(f, "2025-11-03", EndStatus::completed);
    for (const char* t : {"2025-11-02", "2025-11-04"}) same(f, D(t));
    doc(f, DocPoint::afslutning, "2025-11-20");
    for (const char* t : {"2025-11-04", "2025-11-20"}) same(f, D(t));
    close_items(f, "2025-11-03");
    for (const char* t : {"2025-11-04", "2025-11-20"}) same(f, D(t));
    Forloeb cut = Case("K-2").start("2025-02-03");
    end(cut, "2025-04-01", EndStatus::interrupted);
    same(cut, D("2025-04-02"));
    doc(cut, DocPoint::afslutning, "2025-04-01");
    same(cut, D("2025-04-02"));
  }

  TEST_CASE("the planned end day is fase3's last day; overskredet from the day after") {
    Forloeb f = Case("K-1").start("2024-05-31");  // m9 = 2025-02-28
    CHECK(phase_on(f, D("2025-02-28")) == Phase::fase3);
    CHECK_FALSE(is_overdue_end(f, D("2025-02-28")));
    CHECK(next_point(f, D("2025-02-28"))->date == D("2025-02-28"));  // afslutning today
    CHECK(phase_on(f, D("2025-03-01")) == Phase::overskredet);
    CHECK(is_overdue_end(f, D("2025-03-01")));
    CHECK(*day_in_phase(f, D("2025-03-01")) == 1);
  }

  TEST_CASE("aktive: opstart reached and not ended") {
    CHECK_FALSE(is_active(Phase::kontakt));
    CHECK(is_active(Phase::fase1));
    CHECK(is_active(Phase::fase2));
    CHECK(is_active(Phase::fase3));
    CHECK(is_active(Phase::overskredet));
    CHECK_FALSE(is_active(Phase::afsluttet));
  }

  TEST_CASE("due points: an early end drops the later points, afslutning moves to the end") {
    Forloeb f = Case("K-1").start("2025-02-03");
    CHECK(due_points(f).size() == 5);
    end(f, "2025-06-01", EndStatus::interrupted);
    auto p = due_points(f);
    REQUIRE(p.size() == 3);  // opstart, fase2 (2025-05-03), afslutning at the end
    CHECK(p[1].kind == PointKind::fase2);
    CHECK(p[2].kind == PointKind::afslutning);
    CHECK(p[2].date == D("2025-06-01"));
    CHECK(point_dropped(f, {PointKind::fase3, D("2025-08-03")}));
    CHECK_FALSE(point_dropped(f, {PointKind::fase2, D("2025-05-03")}));
  }
}

TEST_CASE("phase 1: owed the day after 7 days without a held contact, counted from opstart") {
  Forloeb f = logged();
  auto o = contact_obligation(f, kLimits, D("2025-02-10"));  // 7 days after opstart
  REQUIRE(o);
  CHECK(o->due == D("2025-02-10"));
  CHECK(o->days_since == 7);
  CHECK(o->limit == 7);
  CHECK(o->point == "fase1");
  CHECK(contact_state(f, "2025-02-10") == State::due_soon);  // the limit is reached: not yet overdue
  CHECK(contact_state(f, "2025-02-11") == State::overdue);   // 8 days: overdue
  CHECK(contact_obligation(f, kLimits, D("2025-02-11"))->days_since == 8);
}

TEST_CASE("phase 1: a held contact restarts the count; a cancelled or missed one does not") {
  Forloeb f = logged();
  contact_entry(f, "2025-02-20", nullptr);
  CHECK(contact_state(f, "2025-02-27") == State::due_soon);
  CHECK(contact_state(f, "2025-02-28") == State::overdue);
  contact_entry(f, "2025-02-25", nullptr, "aflyst");
  contact_entry(f, "2025-02-26", nullptr, "udeblevet");
  CHECK(contact_state(f, "2025-02-28") == State::overdue);
  CHECK(contact_obligation(f, kLimits, D("2025-02-28"))->days_since == 8);
  contact_entry(f, "2025-02-27", nullptr, "holdt");
  CHECK(contact_state(f, "2025-03-06") == State::due_soon);
  CHECK(contact_state(f, "2025-03-07") == State::overdue);
}

TEST_CASE("phase 2: 14 days") {
  Forloeb f = logged();
  contact_entry(f, "2025-06-01", nullptr);
  CHECK(contact_state(f, "2025-06-15") == State::due_soon);
  CHECK(contact_state(f, "2025-06-16") == State::overdue);
  auto o = contact_obligation(f, kLimits, D("2025-06-16"));
  CHECK(o->point == "fase2");
  CHECK(o->days_since == 15);
  CHECK(o->limit == 14);
  contact_entry(f, "2025-06-10", nullptr, "aflyst");
  CHECK(contact_state(f, "2025-06-16") == State::overdue);
}

TEST_CASE("phase 3: 28 days; the limit is the phase's on the day asked about") {
  Forloeb f = logged();
  contact_entry(f, "2025-07-20", nullptr);                   // in phase 2; phase 3 begins 2025-08-03
  CHECK(contact_state(f, "2025-08-17") == State::due_soon);  // 28 days
  CHECK(contact_state(f, "2025-08-18") == State::overdue);   // 29 days
  CHECK(contact_obligation(f, kLimits, D("2025-08-18"))->point == "fase3");
  contact_entry(f, "2025-08-10", nullptr, "udeblevet");
  CHECK(contact_state(f, "2025-08-18") == State::overdue);
}

TEST_CASE("no contact item outside phases 1-3, for contacts after today, or past a recorded end") {
  Forloeb f = logged();
  CHECK_FALSE(contact_state(f, "2025-02-02"));  // kontakt period
  CHECK_FALSE(contact_state(f, "2025-11-04"));  // overskredet
  contact_entry(f, "2025-03-01", nullptr);
  CHECK(contact_state(f, "2025-02-20") == State::overdue);  // the 03-01 contact is still ahead
  end(f, "2025-03-05", EndStatus::interrupted);
  CHECK_FALSE(contact_state(f, "2025-03-06"));              // afsluttet
  CHECK_FALSE(contact_state(f, "2025-03-04"));              // due 03-08 (03-01 + 7) is after the end: nothing
  CHECK(contact_state(f, "2025-02-28") == State::overdue);  // before 03-01: 25 days since opstart
}

TEST_CASE("obligations(): the contact item only with kontaktlog and a day; documentation grace") {
  Forloeb f = logged();
  auto count_contact = [](const std::vector<Obligation>& os) {
    return std::count_if(os.begin(), os.end(), [](const Obligation& o) { return o.kind == Obligation::Kind::contact; });
  };
  CHECK(count_contact(obligations(f, builtin_checklist())) == 0);
  CHECK(count_contact(obligations(f, builtin_checklist(), settings("2025-03-01"))) == 1);
  CHECK(count_contact(obligations(f, builtin_checklist(), settings("2025-12-01"))) == 0);

  ObligationSettings grace;
  grace.documentation_grace_days = 5;
  for (const auto& o : obligations(f, builtin_checklist(), grace))
    if (o.kind == Obligation::Kind::documentation && o.id == "fase2") CHECK(o.due == D("2025-05-08"));
  // The timeline still shows the form at its point.
  for (const auto& e : timeline(f, builtin_checklist(), grace))
    for (const auto& o : e.due)
      if (o.kind == Obligation::Kind::documentation && o.id == "fase2") CHECK(e.date == D("2025-05-03"));
}

TEST_CASE("settings_of() reads cti.yaml") {
  Project p;
  p.documentation_grace_days = 3;
  p.contact_log.set(ContactLimits{5, 10, 20}, {});
  auto s = settings_of(p, D("2025-01-01"));
  CHECK(s.documentation_grace_days == 3);
  REQUIRE(s.contact_log);
  CHECK(s.contact_log->fase2 == 10);
  CHECK(*s.today == D("2025-01-01"));
}

}  // namespace cti::test::schedule_schedule
