// iCalendar output (report/calendar): TEXT escaping, folding at 75 octets without
// splitting UTF-8, stable ASCII UIDs, and which points and items become events.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "report/calendar.hpp"

namespace cti::test::report_calendar {

using namespace cti::report;

Project project() {
  return team({{"a", "Anna", 1.0}, {"b", "Bo", 1.0}});
}

TEST_SUITE("calendar") {
  TEST_CASE("TEXT escaping") {
    CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    CHECK(ics_escape("økonomi") == "økonomi");
  }

  TEST_CASE("folding: 75 octets per line, continuation starts with a space") {
    std::string s(80, 'x');
    CHECK(ics_fold(s) == std::string(75, 'x') + "\r\n " + std::string(5, 'x') + "\r\n");
    CHECK(ics_fold("SHORT:1") == "SHORT:1\r\n");
    CHECK(ics_fold(std::string(75, 'y')) == std::string(75, 'y') + "\r\n");  // exactly 75: no fold
    // 150 octets: 75, then 74 after the space, then 1
    std::string t(150, 'z');
    CHECK(ics_fold(t) == std::string(75, 'z') + "\r\n " + std::string(74, 'z') + "\r\n z\r\n");
  }

  TEST_CASE("folding never splits a UTF-8 sequence") {
    // 74 ASCII octets, then 'ø' (2 octets) would straddle octet 75: the fold comes before it.
    std::string s = std::string(74, 'a') + "øb";
    CHECK(ics_fold(s) == std::string(74, 'a') + "\r\n øb\r\n");
    // A long Danish text: every physical line at most 75 octets and valid UTF-8 on its own.
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += "æøå";
    std::string folded = ics_fold("DESCRIPTION:" + long_text);
    std::size_t pos = 0;
    while (pos < folded.size()) {
      std::size_t eol = folded.find("\r\n", pos);
      REQUIRE(eol != std::string::npos);
      CHECK(eol - pos <= 75);
      std::size_t start = pos == 0 ? 0 : pos + 1;
      if (start < eol) CHECK((static_cast<unsigned char>(folded[start]) & 0xC0) != 0x80);
      pos = eol + 2;
    }
  }

  TEST_CASE("UIDs: ASCII, stable, distinct per case, point and project") {
    std::string u = event_uid("K-0001", "overdragelsesmøder", "Testprojekt");
    CHECK(u == event_uid("K-0001", "overdragelsesmøder", "Testprojekt"));
    CHECK(u.rfind("K-0001-overdragelsesmoeder-", 0) == 0);
    CHECK(u.size() > 4);
    CHECK(u.substr(u.size() - 4) == "@cti");
    for (unsigned char c : u) CHECK(c < 0x80);
    CHECK(u != event_uid("K-0002", "overdragelsesmøder", "Testprojekt"));
    CHECK(u != event_uid("K-0001", "afslutning", "Testprojekt"));
    CHECK(u != event_uid("K-0001", "overdragelsesmøder", "Andet projekt"));
  }

  TEST_CASE("future points of a running forløb, with the open items due there") {
    // opstart 2026-01-15: fase2 04-15, fase3 07-15, overdragelsesmøder 09-15, end 10-15
    Forloeb f = Case("K-1").worker("a").start("2026-01-15");
    done(f, "evaluering", "2026-04-20");  // done early, before today
    auto ev = compute_calendar(project(), {f}, D("2026-05-01"), "");
    REQUIRE(ev.size() == 3);
    CHECK(ev[0].point == "fase3");
    CHECK(ev[0].date == D("2026-07-15"));
    CHECK(ev[0].items == std::vector<std::string>{"planændringer"});  // evaluering is done
    CHECK(ev[0].docs == std::vector<std::string>{"fase3"});
    CHECK(ev[1].point == "overdragelsesmøder");
    CHECK(ev[1].date == D("2026-09-15"));
    CHECK(ev[1].items == std::vector<std::string>{"overdragelsesmøder"});
    CHECK(ev[2].point == "afslutning");
    CHECK(ev[2].date == D("2026-10-15"));
    CHECK(ev[2].items == std::vector<std::string>{"netværk-etableret", "overdragelsesplan", "ansvar-forankret"});
    CHECK(ev[2].docs == std::vector<std::string>{"afslutning"});
    CHECK(ev[2].uid == event_uid("K-1", "afslutning", "Testprojekt"));
  }

  TEST_CASE("a point on today is included; an end recorded ahead of time replaces later points") {
    Forloeb f = Case("K-2").worker("b").start("2026-01-15");
    end(f, "2026-08-01", EndStatus::interrupted);
    auto ev = compute_calendar(project(), {f}, D("2026-07-15"), "");
    REQUIRE(ev.size() == 3);
    CHECK(ev[0].point == "fase3");
    CHECK(ev[0].date == D("2026-07-15"));
    CHECK(ev[1].point == "afslutning");
    CHECK(ev[1].date == D("2026-08-01"));
    CHECK(ev[1].items.empty());  // afbrudt: afslutning items are not due
    CHECK(ev[1].docs == std::vector<std::string>{"afslutning"});
    CHECK(!ev[0].cancelled);
    CHECK(!ev[1].cancelled);
    CHECK(ev[2].point == "overdragelsesmøder");  // 09-15, dropped by the end: cancelled
    CHECK(ev[2].cancelled);
    CHECK(ev[2].items.empty());  // a cancelled event lists nothing as due
  }

  TEST_CASE("contact period, ended forløb, worker filter, order") {
    Forloeb k = Case("K-3").worker("a").start("2026-06-01");  // opstart ahead: kontakt items due then
    Forloeb no_start = Case("K-4").worker("a");
    Forloeb ended = Case("K-5").worker("a").start("2025-01-06");
    end(ended, "2025-10-06", EndStatus::completed);
    Forloeb other = Case("K-6").worker("b").start("2026-03-02");
    std::vector<Forloeb> all = {other, k, no_start, ended};
    auto ev = compute_calendar(project(), all, D("2026-05-20"), "a");
    REQUIRE(ev.size() == 5);  // K-3: opstart, fase2, fase3, overdragelsesmøder, afslutning
    CHECK(ev[0].id == "K-3");
    CHECK(ev[0].point == "opstart");
    CHECK(ev[0].items == std::vector<std::string>{"kontakt-etableret", "orienteret", "kontaktaftale"});
    CHECK(ev[0].docs == std::vector<std::string>{"opstart"});
    auto both = compute_calendar(project(), all, D("2026-05-20"), "");
    REQUIRE(both.size() == 9);   // + K-6: fase2 06-02, fase3, overdragelsesmøder, afslutning
    CHECK(both[0].id == "K-3");  // 06-01
    CHECK(both[1].id == "K-6");  // 06-02
    for (std::size_t i = 1; i < both.size(); ++i) CHECK(both[i - 1].date <= both[i].date);
  }

  TEST_CASE("the VCALENDAR: CRLF everywhere, DTSTAMP and LAST-MODIFIED at the export time, all-day dates") {
    Forloeb f = Case("K-1").worker("a").start("2026-01-15");
    auto ev = compute_calendar(project(), {f}, D("2026-09-20"), "");
    std::string ics = render_ics(ev, project(), {*parse_utc("2026-09-20T07:05:09Z"), std::nullopt, {}});
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.find("DTSTAMP:20260920T070509Z\r\nLAST-MODIFIED:20260920T070509Z\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20261015\r\n") != std::string::npos);
    CHECK(ics.find("DTEND;VALUE=DATE:20261016\r\n") != std::string::npos);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
    for (std::size_t i = 0; i < ics.size(); ++i)
      if (ics[i] == '\n') CHECK((i > 0 && ics[i - 1] == '\r'));
  }
}

TEST_SUITE("calendar: cancelled points and reminders") {
  // opstart 2026-01-15: fase2 04-15, fase3 07-15, overdragelsesmøder 09-15, planned end 10-15.
  TEST_CASE("an early end cancels the dropped points under their earlier UIDs") {
    Forloeb f = Case("K-1").worker("a").start("2026-01-15");
    auto before = compute_calendar(project(), {f}, D("2026-02-01"), "");
    REQUIRE(before.size() == 4);
    end(f, "2026-05-20", EndStatus::interrupted);
    auto after = compute_calendar(project(), {f}, D("2026-03-01"), "");
    REQUIRE(after.size() == 4);
    CHECK((after[0].point == "fase2" && !after[0].cancelled && after[0].uid == before[0].uid));
    CHECK((after[1].point == "afslutning" && after[1].date == D("2026-05-20") && !after[1].cancelled));
    CHECK(after[1].uid == before[3].uid);  // afslutning moved: an update, not a cancellation
    CHECK((after[2].point == "fase3" && after[2].cancelled && after[2].date == D("2026-07-15")));
    CHECK(after[2].uid == before[1].uid);
    CHECK((after[3].point == "overdragelsesmøder" && after[3].cancelled && after[3].uid == before[2].uid));
    CHECK(after[3].ended == D("2026-05-20"));
  }

  TEST_CASE("cancelled events stay until 90 days after the end, or the point's own date if later") {
    Forloeb f = Case("K-1").worker("a").start("2026-01-15");
    end(f, "2026-03-01", EndStatus::moved);  // drops fase2 04-15, fase3 07-15, overdragelsesmøder 09-15
    auto count = [&](const char* today) {
      int n = 0;
      for (const auto& e : compute_calendar(project(), {f}, D(today), "")) n += e.cancelled;
      return n;
    };
    CHECK(count("2026-03-02") == 3);  // ended (afsluttet): the cancellations are still written
    CHECK(count("2026-05-30") == 3);  // end + 90 days
    CHECK(count("2026-05-31") == 2);  // fase2 (04-15) past and the 90 days over
    CHECK(count("2026-09-15") == 1);  // overdragelsesmøder not yet past
    CHECK(count("2026-09-16") == 0);
    CHECK(compute_calendar(project(), {f}, D("2026-05-31"), "b").empty());  // worker filter
  }

  TEST_CASE("an end on the planned end or later cancels nothing") {
    Forloeb f = Case("K-1").worker("a").start("2026-01-15");
    end(f, "2026-10-15", EndStatus::completed);
    for (const auto& e : compute_calendar(project(), {f}, D("2026-01-20"), "")) CHECK(!e.cancelled);
  }

  TEST_CASE("STATUS, and a VALARM on live events only") {
    Forloeb f = Case("K-1").worker("a").start("2026-01-15");
    end(f, "2026-05-20", EndStatus::interrupted);
    auto ev = compute_calendar(project(), {f}, D("2026-03-01"), "");
    Instant now = *parse_utc("2026-03-01T09:00:00Z");
    std::string plain = render_ics(ev, project(), {now, std::nullopt, {}});
    CHECK(plain.find("BEGIN:VALARM") == std::string::npos);
    std::string ics = render_ics(ev, project(), {now, 3, {}});
    auto count = [&](const std::string& s) {
      int n = 0;
      for (auto pos = ics.find(s); pos != std::string::npos; pos = ics.find(s, pos + 1)) ++n;
      return n;
    };
    CHECK(count("STATUS:CONFIRMED\r\n") == 2);  // fase2, afslutning
    CHECK(count("STATUS:CANCELLED\r\n") == 2);  // fase3, overdragelsesmøder
    CHECK(
        count("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P3D\r\nDESCRIPTION:K-1: phase 2 begins (a)\r\nEND:VALARM") ==
        1);
    CHECK(count("BEGIN:VALARM") == 2);
    CHECK(count("SUMMARY:Cancelled: K-1: phase 3 begins (a)\r\n") == 1);
    // The VALARM sits inside its VEVENT, after the event's own properties.
    auto cancelled = ics.find("STATUS:CANCELLED");
    CHECK(ics.find("BEGIN:VALARM", cancelled) == std::string::npos);
    CHECK(render_ics(ev, project(), {now, 0, {}}).find("TRIGGER:-P0D\r\n") != std::string::npos);
  }
}

}  // namespace cti::test::report_calendar
