// The export time of `cti calendar` (report/ics.cpp): CTI_NOW parsing, the noon-UTC
// default for a pinned day, the UTC DATE-TIME text, and SEQUENCE from time.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "report/calendar.hpp"

namespace cti::test::report_ics {

using namespace cti::report;

Instant at(const char* s) {
  auto t = parse_utc(s);
  REQUIRE(t);
  return *t;
}

TEST_SUITE("calendar export time") {
  TEST_CASE("parse_utc: strict YYYY-MM-DDTHH:MM:SSZ") {
    CHECK(ics_utc(at("2026-11-23T08:00:00Z")) == "20261123T080000Z");
    CHECK(ics_utc(at("2024-02-29T23:59:59Z")) == "20240229T235959Z");
    CHECK(ics_utc(at("2026-01-01T00:00:00Z")) == "20260101T000000Z");
    for (const char* bad :
         {"", "2026-11-23", "2026-11-23T08:00:00", "2026-11-23T08:00Z", "2026-11-23 08:00:00Z",
          "2026-11-23T08:00:00+01:00", "2026-02-30T08:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T08:60:00Z",
          "2026-11-23T08:00:60Z", "2026-11-23T8:00:00Z ", "2026-11-23t08:00:00z", "20261123T080000Z"})
      CHECK_MESSAGE(!parse_utc(bad), bad);
  }

  TEST_CASE("export_time: CTI_NOW, else noon UTC of a pinned today, else the clock") {
    const Instant clock = at("2030-05-05T05:05:05Z");
    const Date today = D("2026-03-10");
    CHECK(export_time(at("2026-11-23T08:00:00Z"), today, clock) == at("2026-11-23T08:00:00Z"));
    CHECK(export_time(at("2026-11-23T08:00:00Z"), std::nullopt, clock) == at("2026-11-23T08:00:00Z"));
    CHECK(export_time(std::nullopt, today, clock) == at("2026-03-10T12:00:00Z"));
    CHECK(export_time(std::nullopt, std::nullopt, clock) == clock);
  }

  TEST_CASE("SEQUENCE: whole minutes since 2020-01-01T00:00:00Z") {
    CHECK(ics_sequence(kSequenceEpoch) == 0);
    CHECK(ics_sequence(at("2020-01-01T00:00:59Z")) == 0);
    CHECK(ics_sequence(at("2020-01-01T00:01:00Z")) == 1);
    CHECK(ics_sequence(at("2019-12-31T23:59:00Z")) == 0);  // never negative
    // 2020-01-01 to 2026-11-23 is 2518 days; 08:00 is 480 minutes more.
    CHECK(ics_sequence(at("2026-11-23T08:00:00Z")) == 2518LL * 1440 + 480);
    CHECK(ics_sequence(at("2026-03-10T12:00:00Z")) == 3255120);
    // A later export (a minute or more) always has a higher SEQUENCE ...
    CHECK(ics_sequence(at("2026-11-23T08:01:00Z")) > ics_sequence(at("2026-11-23T08:00:00Z")));
    CHECK(ics_sequence(at("2026-11-24T12:00:00Z")) > ics_sequence(at("2026-11-23T12:00:00Z")));
    // ... and it stays an RFC 5545 INTEGER (below 2^31) for millennia.
    CHECK(ics_sequence(at("6000-12-31T23:59:59Z")) < 2147483647LL);
  }

  TEST_CASE("SEQUENCE and stamps in the rendered file") {
    Project p = team({}, "P");
    CalendarEvent e{"K-1-fase2-x@cti", "K-1", "a", "fase2", D("2026-12-01"), {}, {}, false, std::nullopt};
    std::string early = render_ics({e}, p, {at("2026-11-23T08:00:00Z"), std::nullopt, {}});
    std::string later = render_ics({e}, p, {at("2026-11-24T09:30:00Z"), std::nullopt, {}});
    CHECK(early.find("\r\nDTSTAMP:20261123T080000Z\r\nLAST-MODIFIED:20261123T080000Z\r\nSEQUENCE:3626400\r\n") !=
          std::string::npos);
    CHECK(later.find("\r\nSEQUENCE:" + std::to_string(ics_sequence(at("2026-11-24T09:30:00Z"))) + "\r\n") !=
          std::string::npos);
    CHECK(later.find("\r\nDTSTAMP:20261124T093000Z\r\n") != std::string::npos);
  }
}

}  // namespace cti::test::report_ics
