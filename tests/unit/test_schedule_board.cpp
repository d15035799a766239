// The default board (SPEC 3): which forløb `cti status` and `cti agenda` list without
// --all, the planned end day as the last day of fase3, and the points an early end drops.
#include <doctest/doctest.h>

#include "base/checklist.hpp"
#include "schedule/schedule.hpp"

using namespace cti;
using namespace cti::schedule;

namespace {

Date D(const char* s) {
  return *parse_date(s);
}

Forloeb running(const char* start) {
  Forloeb f;
  f.id.set("K-1", {});
  f.stem = "K-1";
  f.start.set(D(start), {});
  return f;
}

void end(Forloeb& f, const char* date, EndStatus s) {
  f.ending.emplace();
  f.ending->date.set(D(date), {});
  f.ending->status.set(s, {});
}

void done(Forloeb& f, const std::string& item, const char* date) {
  f.checklist.push_back({item, D(date), false, {}});
}

void doc(Forloeb& f, DocPoint p, const char* date) {
  f.documentation.push_back({p, D(date), {}});
}

const std::vector<ChecklistItem>& items() {
  return builtin_checklist();
}

// Every afslutning item of the built-in checklist recorded on `date`.
void close_items(Forloeb& f, const char* date) {
  for (const auto& it : items())
    if (it.stage == Stage::afslutning) done(f, it.id, date);
}

}  // namespace

TEST_SUITE("default board") {
  TEST_CASE("a running forløb is on the board, also overskredet and in the contact period") {
    CHECK(on_default_board(running("2025-02-03"), items(), D("2025-06-01")));
    CHECK(on_default_board(running("2025-02-03"), items(), D("2026-06-01")));  // overskredet
    Forloeb contact;
    contact.contact.set(D("2025-01-01"), {});
    CHECK(on_default_board(contact, items(), D("2025-06-01")));
  }

  TEST_CASE("gennemført: on the board until the afslutning items and documentation are recorded") {
    Forloeb f = running("2025-02-03");
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
    Forloeb f = running("2025-02-03");
    end(f, "2025-11-03", EndStatus::completed);
    close_items(f, "2025-11-03");
    doc(f, DocPoint::afslutning, "2025-11-20");
    CHECK(on_default_board(f, items(), D("2025-11-10")));
    CHECK_FALSE(on_default_board(f, items(), D("2025-11-20")));
  }

  TEST_CASE("afbrudt: owes only its closing documentation, not the dropped items") {
    Forloeb f = running("2025-02-03");
    end(f, "2025-04-01", EndStatus::interrupted);
    CHECK(on_default_board(f, items(), D("2025-04-02")));
    doc(f, DocPoint::afslutning, "2025-04-01");
    // kontakt items at opstart are unrecorded, but only closing work keeps it on the board
    CHECK_FALSE(on_default_board(f, items(), D("2025-04-02")));
  }

  TEST_CASE("the planned end day is fase3's last day; overskredet from the day after") {
    Forloeb f = running("2024-05-31");  // m9 = 2025-02-28
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
    Forloeb f = running("2025-02-03");
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
