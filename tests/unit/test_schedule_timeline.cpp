// The timeline of one forløb (schedule/timeline) behind `cti show`.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "schedule/timeline.hpp"

namespace cti::test::schedule_timeline {

using namespace cti::schedule;

// "2025-02-03 opstart [kontakt-etableret ... doc:opstart]" per entry, for compact checks.
std::string names(const TimelineEntry& e) {
  std::string out;
  switch (e.kind) {
    case TimelineEntry::Kind::contact:
      out = "kontakt";
      break;
    case TimelineEntry::Kind::move_in:
      out = "indflytning";
      break;
    case TimelineEntry::Kind::end:
      out = "END";
      break;
    case TimelineEntry::Kind::point:
      out = std::string(point_name(e.point));
      break;
  }
  if (e.dropped) out += " (dropped)";
  return format_date(e.date) + " " + out;
}

std::vector<std::string> entries(const std::vector<TimelineEntry>& t) {
  std::vector<std::string> out;
  for (const auto& e : t) out.push_back(names(e));
  return out;
}

std::vector<std::string> due_ids(const TimelineEntry& e) {
  std::vector<std::string> out;
  for (const auto& o : e.due) out.push_back((o.kind == Obligation::Kind::documentation ? "doc:" : "") + o.id);
  return out;
}

std::size_t total_due(const std::vector<TimelineEntry>& t) {
  std::size_t n = 0;
  for (const auto& e : t) n += e.due.size();
  return n;
}

TEST_SUITE("timeline") {
  TEST_CASE("running forløb: recorded dates and planned points in date order") {
    auto t = timeline(Case("K-1").start("2025-02-03").contact("2025-01-06").move_in("2025-02-15"), builtin_checklist());
    CHECK(entries(t) == std::vector<std::string>{"2025-01-06 kontakt", "2025-02-03 opstart", "2025-02-15 indflytning",
                                                 "2025-05-03 fase2", "2025-08-03 fase3",
                                                 "2025-10-03 overdragelsesmøder", "2025-11-03 afslutning"});
    CHECK(due_ids(t[1]) == std::vector<std::string>{"kontakt-etableret", "orienteret", "kontaktaftale", "doc:opstart"});
    CHECK(due_ids(t[5]) == std::vector<std::string>{"overdragelsesmøder"});
    CHECK(due_ids(t[6]) ==
          std::vector<std::string>{"netværk-etableret", "overdragelsesplan", "ansvar-forankret", "doc:afslutning"});
    CHECK(total_due(t) == obligations(Case("K-1").start("2025-02-03"), builtin_checklist()).size());
  }

  TEST_CASE("contact period without opstart: only the contact date") {
    CHECK(entries(timeline(Case("K-1").contact("2025-01-06"), builtin_checklist())) ==
          std::vector<std::string>{"2025-01-06 kontakt"});
    CHECK(timeline(Case("K-1"), builtin_checklist()).empty());
  }

  TEST_CASE("afbrudt early: later points dropped, documentation afslutning at the end") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-06-10", EndStatus::interrupted);
    auto t = timeline(f, builtin_checklist());
    CHECK(entries(t) == std::vector<std::string>{
                            "2025-02-03 opstart", "2025-05-03 fase2", "2025-06-10 END", "2025-08-03 fase3 (dropped)",
                            "2025-10-03 overdragelsesmøder (dropped)", "2025-11-03 afslutning (dropped)"});
    CHECK(due_ids(t[2]) == std::vector<std::string>{"doc:afslutning"});
    CHECK(t[3].due.empty());
    CHECK(t[4].due.empty());
    CHECK(t[5].due.empty());
    CHECK(total_due(t) == obligations(f, builtin_checklist()).size());
  }

  TEST_CASE("afbrudt on the day of a point: the point's items stay there, the form goes to the end") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-05-03", EndStatus::interrupted);
    auto t = timeline(f, builtin_checklist());
    REQUIRE(t.size() == 6);
    CHECK(names(t[1]) == "2025-05-03 fase2");
    CHECK(names(t[2]) == "2025-05-03 END");
    CHECK(due_ids(t[1]).back() == "doc:fase2");
    CHECK(due_ids(t[2]) == std::vector<std::string>{"doc:afslutning"});
  }

  TEST_CASE("overdraget between m(8) and m(9): handover meetings stay at m(8)") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-10-20", EndStatus::moved);
    auto t = timeline(f, builtin_checklist());
    CHECK(names(t[3]) == "2025-10-03 overdragelsesmøder");
    CHECK(due_ids(t[3]) == std::vector<std::string>{"overdragelsesmøder"});
    CHECK(names(t[4]) == "2025-10-20 END");
    CHECK(due_ids(t[4]) == std::vector<std::string>{"doc:afslutning"});
    CHECK(names(t[5]) == "2025-11-03 afslutning (dropped)");
  }

  TEST_CASE("gennemført early: the afslutning items and form at the end date") {
    Forloeb f = Case("K-1").start("2025-02-03");
    end(f, "2025-09-01", EndStatus::completed);
    auto t = timeline(f, builtin_checklist());
    CHECK(names(t[3]) == "2025-09-01 END");
    CHECK(due_ids(t[3]) == std::vector<std::string>{"netværk-etableret", "overdragelsesmøder", "overdragelsesplan",
                                                    "ansvar-forankret", "doc:afslutning"});
    CHECK(total_due(t) == obligations(f, builtin_checklist()).size());
  }

  TEST_CASE("gennemført on or after the planned end: items stay at the planned points") {
    Forloeb on = Case("K-1").start("2025-02-03");
    end(on, "2025-11-03", EndStatus::completed);
    auto t = timeline(on, builtin_checklist());
    CHECK(names(t.back()) == "2025-11-03 END");
    CHECK(t.back().due.empty());
    CHECK(names(t[t.size() - 2]) == "2025-11-03 afslutning");
    CHECK(due_ids(t[t.size() - 2]).size() == 4);

    Forloeb late = Case("K-1").start("2025-02-03");
    end(late, "2025-12-01", EndStatus::completed);
    t = timeline(late, builtin_checklist());
    CHECK(names(t.back()) == "2025-12-01 END");
    CHECK(t.back().due.empty());
    CHECK_FALSE(t[t.size() - 2].dropped);
  }
}

}  // namespace cti::test::schedule_timeline
