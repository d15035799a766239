// The schedule of SPEC section 3: phases, points, obligations and their states.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/project.hpp"
#include "schedule/schedule.hpp"

using namespace cti;
using namespace cti::schedule;

namespace {

Date D(const char* s) {
  auto d = parse_date(s);
  REQUIRE_MESSAGE(d.has_value(), s);
  return *d;
}
std::string F(Date d) {
  return format_date(d);
}

Forloeb make(const char* start, const char* contact = nullptr) {
  Forloeb f;
  f.id.set("K-1", {});
  f.stem = "K-1";
  if (start) f.start.set(D(start), {});
  if (contact) f.contact.set(D(contact), {});
  return f;
}

void end(Forloeb& f, const char* date, EndStatus s) {
  f.ending.emplace();
  f.ending->date.set(D(date), {});
  f.ending->status.set(s, {});
}

void mark(Forloeb& f, const char* item, const char* date) {
  ChecklistMark m;
  m.item = item;
  if (date)
    m.done = D(date);
  else
    m.not_relevant = true;
  f.checklist.push_back(m);
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

}  // namespace

TEST_SUITE("schedule") {
  TEST_CASE("plan: points from opstart, with month-end clamping") {
    auto p = plan_of(make("2025-02-03"));
    REQUIRE(p);
    CHECK(F(p->phase2) == "2025-05-03");
    CHECK(F(p->phase3) == "2025-08-03");
    CHECK(F(p->handover) == "2025-10-03");
    CHECK(F(p->planned_end) == "2025-11-03");

    auto q = plan_of(make("2023-11-30"));
    CHECK(F(q->phase2) == "2024-02-29");
    CHECK(F(q->phase3) == "2024-05-30");
    CHECK(F(q->handover) == "2024-07-30");
    CHECK(F(q->planned_end) == "2024-08-30");

    auto r = plan_of(make("2024-05-31"));
    CHECK(F(r->phase2) == "2024-08-31");
    CHECK(F(r->phase3) == "2024-11-30");
    CHECK(F(r->handover) == "2025-01-31");
    CHECK(F(r->planned_end) == "2025-02-28");

    CHECK_FALSE(plan_of(make(nullptr, "2025-01-01")));
  }

  TEST_CASE("phase boundaries: the day before, on and after each point (opstart 2025-02-03)") {
    Forloeb f = make("2025-02-03", "2025-01-06");
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
    Forloeb f = make("2024-01-31");
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
    Forloeb f = make(nullptr, "2025-01-06");
    CHECK(phase(f, "2025-03-01") == "kontakt");
    CHECK(*day_in_phase(f, D("2025-01-06")) == 1);
    CHECK(*day_in_phase(f, D("2025-03-01")) == 55);
    CHECK_FALSE(next_point(f, D("2025-03-01")));
    CHECK(obligations(f, builtin_checklist()).empty());

    Forloeb g = make(nullptr);  // neither kontakt nor opstart
    CHECK(phase(g, "2025-03-01") == "kontakt");
    CHECK_FALSE(day_in_phase(g, D("2025-03-01")));
    CHECK_FALSE(next_point(g, D("2025-03-01")));

    Forloeb h = make("2025-02-03", "2025-01-06");
    auto n = next_point(h, D("2025-01-20"));
    REQUIRE(n);
    CHECK(n->kind == PointKind::opstart);
    CHECK(F(n->date) == "2025-02-03");
    CHECK(*day_in_phase(h, D("2025-01-20")) == 15);
    CHECK_FALSE(day_in_phase(h, D("2025-01-01")));  // before the contact date
  }

  TEST_CASE("day in phase is 1 on the phase's first day") {
    Forloeb f = make("2025-02-03");
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
    Forloeb f = make("2025-02-03");
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
    Forloeb f = make("2025-02-03");
    end(f, "2025-06-15", EndStatus::moved);
    CHECK(point_name(next_point(f, D("2025-04-01"))->kind) == "fase2");
    auto n = next_point(f, D("2025-05-10"));
    CHECK(n->kind == PointKind::afslutning);
    CHECK(F(n->date) == "2025-06-15");
    CHECK_FALSE(next_point(f, D("2025-06-15")));
  }

  TEST_CASE("early and ended forløb: phase afsluttet from the end date") {
    Forloeb f = make("2025-02-03");
    end(f, "2025-04-10", EndStatus::interrupted);
    CHECK(phase(f, "2025-04-09") == "fase1");
    CHECK(phase(f, "2025-04-10") == "afsluttet");
    CHECK(phase(f, "2025-04-11") == "afsluttet");
    CHECK(phase(f, "2026-04-11") == "afsluttet");

    Forloeb late = make("2025-02-03");
    end(late, "2025-12-01", EndStatus::completed);
    CHECK(phase(late, "2025-11-30") == "overskredet");
    CHECK(phase(late, "2025-12-01") == "afsluttet");
  }

  TEST_CASE("obligations: due dates per point") {
    auto os = obligations(make("2025-02-03"), builtin_checklist());
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
    Forloeb f = make("2025-02-03");
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
    Forloeb f = make("2025-02-03");
    end(f, "2025-10-20", EndStatus::moved);
    auto os = obligations(f, builtin_checklist());
    CHECK(F(find(os, "overdragelsesmøder")->due) == "2025-10-03");
    CHECK_FALSE(find(os, "ansvar-forankret"));
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-10-20");
  }

  TEST_CASE("gennemført early: afslutning items and documentation due at the end date") {
    Forloeb f = make("2025-02-03");
    end(f, "2025-07-01", EndStatus::completed);
    auto os = obligations(f, builtin_checklist());
    CHECK_FALSE(find(os, "evaluering"));
    CHECK(F(find(os, "overdragelsesmøder")->due) == "2025-07-01");
    CHECK(F(find(os, "ansvar-forankret")->due) == "2025-07-01");
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-07-01");
    CHECK(state_on(*find(os, "ansvar-forankret"), D("2025-07-02"), 14) == State::overdue);
  }

  TEST_CASE("an item due on the end date itself is still due") {
    Forloeb f = make("2025-02-03");
    end(f, "2025-05-03", EndStatus::interrupted);  // ends the day phase 2 would begin
    auto os = obligations(f, builtin_checklist());
    CHECK(F(find(os, "økonomi")->due) == "2025-05-03");
    CHECK_FALSE(find(os, "evaluering"));
  }

  TEST_CASE("ended late: documentation afslutning stays due at the planned end") {
    Forloeb f = make("2025-02-03");
    end(f, "2025-12-01", EndStatus::completed);
    auto os = obligations(f, builtin_checklist());
    CHECK(F(find(os, "afslutning", Obligation::Kind::documentation)->due) == "2025-11-03");
    CHECK(F(find(os, "ansvar-forankret")->due) == "2025-11-03");
  }

  TEST_CASE("states: overdue, due soon, open, done, ikke relevant") {
    Forloeb f = make("2025-02-03");
    mark(f, "jobcenter", nullptr);
    mark(f, "økonomi", "2025-05-01");
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
    auto os = obligations(make("2025-02-03"), cl);
    CHECK_FALSE(find(os, "jobcenter"));
    CHECK(F(find(os, "peer-støtte-tilbudt")->due) == "2025-05-03");
    CHECK(F(find(os, "bolig-besøg")->due) == "2025-02-03");
    CHECK(find(os, "bolig-besøg")->point == "kontakt");
  }

  TEST_CASE("phase boundaries across a year wrap: opstart 2025-10-31") {
    Forloeb f = make("2025-10-31");
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
    Forloeb leap = make("2023-05-31");  // m9 = 2024-02-29
    CHECK(F(plan_of(leap)->planned_end) == "2024-02-29");
    CHECK(phase(leap, "2024-02-28") == "fase3");
    CHECK(phase(leap, "2024-02-29") == "fase3");  // the planned end day: fase3's last day
    CHECK(phase(leap, "2024-03-01") == "overskredet");
    Forloeb plain = make("2022-05-31");  // m9 = 2023-02-28
    CHECK(F(plan_of(plain)->planned_end) == "2023-02-28");
    CHECK(phase(plain, "2023-02-27") == "fase3");
    CHECK(phase(plain, "2023-02-28") == "fase3");
    CHECK(phase(plain, "2023-03-01") == "overskredet");
  }

  TEST_CASE("overdragelsesmøder around m(opstart, 8): due soon, due today, overdue") {
    Forloeb f = make("2025-02-03");
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
      Forloeb f = make("2025-02-03");
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
      Forloeb f = make(F(s).c_str());
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
      Forloeb f = make(start, "2023-10-01");
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
