// The status rows of `cti status` (report/status): phase, next point, overdue and due
// soon, selection and order, worker summaries, and the JSON, CSV and table renderings.
#include <doctest/doctest.h>

#include "base/project.hpp"
#include "builders.hpp"
#include "report/status.hpp"

namespace cti::test::report_status {

using namespace cti::report;

// A forløb of `worker` in egen-kommune; a null opstart or kontakt is left unwritten.
Forloeb case_(const char* id, const char* worker, const char* start, const char* contact = nullptr) {
  return Case(id).worker(worker).subgroup("egen-kommune").start(start).contact(contact);
}

// A project with a two-item checklist: kontakt-etableret (kontakt), økonomi (fase2).
Project project() {
  Project p = team({{"anna", "Anna", 1.0}, {"bo", "Bo", 0.5}});
  for (const auto& item : builtin_checklist()) {
    if (item.id == "kontakt-etableret" || item.id == "økonomi") continue;
    Field<std::string> rm;
    rm.set(item.id, {});
    p.checklist_remove.push_back(rm);
  }
  return p;
}

StatusQuery q(const char* day, int horizon = 14) {
  StatusQuery s;
  s.today = D(day);
  s.horizon_days = horizon;
  return s;
}

const StatusRow* row(const std::vector<StatusRow>& rows, const std::string& id) {
  for (const auto& r : rows)
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<std::string> ids(const std::vector<StatusRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

TEST_SUITE("status") {
  TEST_CASE("one row: phase, day, next point, overdue and due soon, most urgent") {
    auto f = case_("K-1", "anna", "2025-02-03");
    done(f, "kontakt-etableret", "2025-02-01");
    // 2025-05-04: the day after m(opstart, 3); økonomi and documentation fase2 are overdue,
    // documentation opstart (due 2025-02-03) is older.
    auto rows = status_rows(project(), {f}, q("2025-05-04"));
    REQUIRE(rows.size() == 1);
    const auto& r = rows[0];
    CHECK(r.phase == cti::schedule::Phase::fase2);
    CHECK(*r.day_in_phase == 2);
    CHECK(cti::schedule::point_name(r.next->kind) == "fase3");
    CHECK(cti::format_date(r.next->date) == "2025-08-03");
    CHECK(r.next_days == 91);
    REQUIRE(r.overdue_count() == 3);
    CHECK(r.overdue[0].label() == "dokumentation:opstart");
    CHECK(r.overdue[1].label() == "økonomi");
    CHECK(r.overdue[2].label() == "dokumentation:fase2");
    CHECK(r.due_soon_count() == 0);
    CHECK(r.most_urgent()->label() == "dokumentation:opstart");
    CHECK(cti::format_date(*r.deadline) == "2025-02-03");
  }

  TEST_CASE("due soon: within the horizon, today included; most urgent is the soonest") {
    auto f = case_("K-1", "anna", "2025-02-03");
    done(f, "kontakt-etableret", "2025-02-01");
    doc(f, DocPoint::opstart, "2025-02-03");
    auto at = [&](const char* day, int horizon) { return status_rows(project(), {f}, q(day, horizon))[0]; };
    CHECK(at("2025-04-18", 14).due_soon_count() == 0);  // 15 days before m3
    CHECK(at("2025-04-19", 14).due_soon_count() == 2);  // 14 days before: økonomi + documentation fase2
    CHECK(at("2025-04-19", 14).most_urgent()->label() == "økonomi");
    CHECK(at("2025-05-03", 0).due_soon_count() == 2);  // due today, horizon 0
    CHECK(at("2025-05-02", 0).due_soon_count() == 0);
    CHECK(at("2025-05-03", 0).overdue_count() == 0);
    CHECK(at("2025-05-04", 0).overdue_count() == 2);
  }

  TEST_CASE("not relevant and done items are neither overdue nor due soon; done after today still counts as open") {
    auto f = case_("K-1", "anna", "2025-02-03");
    not_relevant(f, "kontakt-etableret");
    done(f, "økonomi", "2025-05-10");
    doc(f, DocPoint::opstart, "2025-02-03");
    doc(f, DocPoint::fase2, "2025-05-03");
    auto r = status_rows(project(), {f}, q("2025-05-04"))[0];
    REQUIRE(r.overdue_count() == 1);  // økonomi: done on 2025-05-10, after today
    CHECK(r.overdue[0].item == "økonomi");
    CHECK(status_rows(project(), {f}, q("2025-05-10"))[0].overdue_count() == 0);
  }

  TEST_CASE("selection: running and owing unless all; worker filter; files with errors listed, marked") {
    auto a = case_("K-1", "anna", "2025-02-03");
    auto b = case_("K-2", "bo", "2025-01-06");
    end(b, "2025-03-01", cti::EndStatus::interrupted);
    doc(b, DocPoint::afslutning, "2025-03-01");            // owes nothing
    auto c = case_("K-3", "anna", nullptr, "2025-04-01");  // contact period, no opstart
    auto d = case_("K-4", "bo", "2025-02-03");
    d.diagnostics.push_back(cti::make_diag(d.file, {1, 1}, cti::Severity::error, "unknown-key", "x"));
    auto p = project();
    auto rows = status_rows(p, {a, b, c, d}, q("2025-04-15"));
    CHECK(ids(rows) == std::vector<std::string>{"K-1", "K-4", "K-3"});
    CHECK(row(rows, "K-4")->has_errors());
    CHECK(row(rows, "K-4")->errors[0].rule == "unknown-key");
    CHECK_FALSE(row(rows, "K-1")->has_errors());
    StatusQuery all = q("2025-04-15");
    all.all = true;
    CHECK(ids(status_rows(p, {a, b, c, d}, all)) == std::vector<std::string>{"K-2", "K-1", "K-4", "K-3"});
    StatusQuery bo = q("2025-04-15");
    bo.worker = "bo";
    CHECK(ids(status_rows(p, {a, b, c, d}, bo)) == std::vector<std::string>{"K-4"});
    bo.all = true;
    CHECK(ids(status_rows(p, {a, b, c, d}, bo)) == std::vector<std::string>{"K-2", "K-4"});
    // Until the end date the ended forløb is active.
    CHECK(ids(status_rows(p, {b}, q("2025-02-28"))) == std::vector<std::string>{"K-2"});
    CHECK(status_rows(p, {b}, q("2025-03-01")).empty());
  }

  TEST_CASE("a worker's view keeps every file with errors that might be theirs (SPEC 9)") {
    auto own = case_("K-1", "mette", "2025-02-03");
    auto other = case_("K-2", "bo", "2025-02-03");
    auto misspelt = case_("K-3", "Mete", "2025-02-03");  // a near miss of mette, with an error
    misspelt.diagnostics.push_back(cti::make_diag(misspelt.file, {2, 14}, cti::Severity::error, "unknown-worker", "x"));
    auto no_worker = case_("K-4", "bo", "2025-02-03");
    no_worker.worker = {};
    no_worker.diagnostics.push_back(cti::make_diag(no_worker.file, {1, 1}, cti::Severity::error, "yaml-syntax", "x"));
    auto other_bad = case_("K-5", "bo", "2025-02-03");  // bo's, with an error: not mette's
    other_bad.diagnostics.push_back(cti::make_diag(other_bad.file, {1, 1}, cti::Severity::error, "invalid-date", "x"));
    auto near_bad = case_("K-6", "mettte", "2025-02-03");  // known to no one? still a near miss
    near_bad.diagnostics.push_back(cti::make_diag(near_bad.file, {1, 1}, cti::Severity::error, "invalid-date", "x"));
    CHECK(own.in_view_of("mette"));
    CHECK_FALSE(other.in_view_of("mette"));
    CHECK(misspelt.in_view_of("mette"));
    CHECK(misspelt.in_view_of("bo"));  // an unknown medarbejder could be anyone's
    CHECK(no_worker.in_view_of("mette"));
    CHECK_FALSE(other_bad.in_view_of("mette"));
    CHECK(near_bad.in_view_of("mette"));
    CHECK_FALSE(case_("K-7", "b", "2025-02-03").in_view_of("a"));
    auto p = project();
    StatusQuery mette = q("2025-04-15");
    mette.worker = "mette";
    CHECK(ids(status_rows(p, {own, other, misspelt, no_worker, other_bad, near_bad}, mette)) ==
          std::vector<std::string>{"K-1", "K-3", "K-4", "K-6"});
  }

  TEST_CASE("sort: nearest deadline first, no deadline last, ties by id") {
    auto p = project();
    auto late = case_("K-9", "anna", "2025-03-01");  // next point 2025-06-01
    auto soon = case_("K-5", "anna", "2025-02-20");  // next point 2025-05-20
    auto tie = case_("K-4", "bo", "2025-02-20");
    auto contact = case_("K-1", "bo", nullptr, "2025-04-01");
    for (auto* f : {&late, &soon, &tie}) {
      done(*f, "kontakt-etableret", "2025-02-01");
      f->documentation.push_back({cti::DocPoint::opstart, *f->start, {}});
    }
    auto rows = status_rows(p, {contact, late, soon, tie}, q("2025-04-15"));
    CHECK(ids(rows) == std::vector<std::string>{"K-4", "K-5", "K-9", "K-1"});
    // An overdue item moves a forløb ahead of one whose next point is sooner.
    late.checklist.clear();
    rows = status_rows(p, {contact, late, soon, tie}, q("2025-04-15"));
    CHECK(ids(rows) == std::vector<std::string>{"K-9", "K-4", "K-5", "K-1"});
    CHECK(cti::format_date(*row(rows, "K-9")->deadline) == "2025-03-01");
    CHECK_FALSE(row(rows, "K-1")->deadline);
  }

  TEST_CASE("overskredet: the next point is the past planned end, negative days") {
    auto f = case_("K-1", "anna", "2024-07-15");
    auto r = status_rows(project(), {f}, q("2025-04-20"))[0];
    CHECK(r.phase == cti::schedule::Phase::overskredet);
    CHECK(*r.day_in_phase == 5);  // overskredet from the day after the planned end 2025-04-15
    CHECK(cti::format_date(r.next->date) == "2025-04-15");
    CHECK(r.next_days == -5);
  }

  TEST_CASE("worker summaries: every cti.yaml worker in order, counts of the listed rows") {
    auto p = project();
    auto a = case_("K-1", "anna", "2025-02-03");  // overdue items on 2025-05-04
    auto b = case_("K-2", "anna", "2025-04-01");
    done(b, "kontakt-etableret", "2025-04-01");
    doc(b, DocPoint::opstart, "2025-04-01");
    auto rows = status_rows(p, {a, b}, q("2025-05-04"));
    auto ws = worker_summaries(p, rows, "");
    REQUIRE(ws.size() == 2);
    CHECK(ws[0].worker == "anna");
    CHECK(ws[0].active == 2);
    CHECK(ws[0].with_overdue == 1);
    CHECK(ws[0].overdue_items == 4);
    CHECK(ws[1].worker == "bo");
    CHECK(ws[1].active == 0);
    auto only = worker_summaries(p, {}, "bo");
    REQUIRE(only.size() == 1);
    CHECK(only[0].worker == "bo");
  }

  TEST_CASE("JSON: the keys of SPEC section 6, nulls without opstart") {
    auto f = case_("K-1", "anna", nullptr, "2025-04-01");
    auto json =
        render_status_json(status_rows(project(), {f}, q("2025-04-15")), D("2025-04-15"), uncounted({f}, {}, ""));
    CHECK(json ==
          "{\n"
          "  \"today\": \"2025-04-15\",\n"
          "  \"forloeb\": [\n"
          "    {\n"
          "      \"id\": \"K-1\",\n"
          "      \"worker\": \"anna\",\n"
          "      \"subgroup\": \"egen-kommune\",\n"
          "      \"phase\": \"kontakt\",\n"
          "      \"start\": null,\n"
          "      \"phase2\": null,\n"
          "      \"phase3\": null,\n"
          "      \"handover_meetings\": null,\n"
          "      \"planned_end\": null,\n"
          "      \"end\": null,\n"
          "      \"end_status\": null,\n"
          "      \"next\": null,\n"
          "      \"overdue\": [],\n"
          "      \"due_soon\": [],\n"
          "      \"documentation_overdue\": [],\n"
          "      \"documentation_due_soon\": [],\n"
          "      \"errors\": [],\n"
          "      \"file\": \"forloeb/K-1.yaml\"\n"
          "    }\n"
          "  ],\n"
          "  \"invalid\": 0,\n"
          "  \"unreadable\": [],\n"
          "  \"not_read\": []\n"
          "}\n");
    CHECK(render_status_json({}, D("2025-04-15"), {}) ==
          "{\n  \"today\": \"2025-04-15\",\n  \"forloeb\": [],\n  \"invalid\": 0,\n  \"unreadable\": [],\n"
          "  \"not_read\": []\n}\n");
  }

  TEST_CASE("JSON: a file with errors has its row, its errors and the invalid count; unreadable dates give null") {
    auto f = case_("K-1", "anna", "2025-02-03");
    f.diagnostics.push_back(cti::make_diag(f.file, {7, 3}, cti::Severity::error, "unknown-worker", "unknown"));
    f.diagnostics.push_back(cti::make_diag(f.file, {9, 1}, cti::Severity::warning, "future-date", "later"));
    auto g = case_("K-2", "anna", "2025-02-03");
    g.diagnostics.push_back(cti::make_diag(g.file, {1, 1}, cti::Severity::error, "yaml-syntax", "syntax"));
    g.dates_unreadable = true;
    auto json =
        render_status_json(status_rows(project(), {f, g}, q("2025-04-15")), D("2025-04-15"), uncounted({f, g}, {}, ""));
    CHECK(json.find("\"errors\": [\n        {\n          \"rule\": \"unknown-worker\",\n          \"line\": 7,") !=
          std::string::npos);
    CHECK(json.find("future-date") == std::string::npos);  // warnings are not errors
    CHECK(json.find("\"phase\": null") != std::string::npos);
    CHECK(json.find("\"invalid\": 2,\n  \"unreadable\": [\n    \"forloeb/K-2.yaml\"\n  ],") != std::string::npos);
  }

  TEST_CASE("CSV: BOM, semicolons, CRLF, empty fields for nothing") {
    auto f = case_("K-1", "anna", nullptr, "2025-04-01");
    auto csv = render_status_csv(status_rows(project(), {f}, q("2025-04-15")));
    CHECK(csv.rfind("\xEF\xBB\xBFid;worker;subgroup;phase;day_in_phase;", 0) == 0);
    CHECK(csv.find("\r\nK-1;anna;egen-kommune;kontakt;15;;;;;;;;;;;0;0;;\r\n") != std::string::npos);
  }

  TEST_CASE("table: colour only when asked; empty board") {
    auto f = case_("K-1", "anna", "2025-02-03");
    auto rows = status_rows(project(), {f}, q("2025-05-04"));
    auto ws = worker_summaries(project(), rows, "");
    CHECK(render_status_table(rows, ws, D("2025-05-04"), 14, false).find("\x1b[") == std::string::npos);
    CHECK(render_status_table(rows, ws, D("2025-05-04"), 14, true).find("\x1b[31m") != std::string::npos);
    auto empty = render_status_table({}, {}, D("2025-05-04"), 14, false);
    CHECK(empty.find("No forløb to show.") != std::string::npos);
  }
}

}  // namespace cti::test::report_status
