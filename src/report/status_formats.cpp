// The machine-readable forms of the status board: JSON (SPEC section 6, exactly its
// keys) and CSV in the Danish Excel dialect of base/csv, like the quarterly report.
#include <algorithm>

#include "base/csv.hpp"
#include "base/json.hpp"
#include "report/status.hpp"

namespace cti::report {

using schedule::Phase;

namespace {

std::string opt_date(const std::optional<Date>& d) {
  return d ? format_date(*d) : "";
}

void json_date(JsonWriter& w, const std::optional<Date>& d) {
  if (d)
    w.value(format_date(*d));
  else
    w.null();
}

}  // namespace

std::string render_status_json(const std::vector<StatusRow>& rows, Date today, const Uncounted& uncounted) {
  JsonWriter w;
  w.reserve(768 * rows.size() + 4096);  // about 700 bytes a row: the text is not moved as it grows
  w.begin_object();
  w.key("today").value(format_date(today));
  w.key("forloeb").begin_array();
  w.items(rows.size(), 256, [&](JsonWriter& w, std::size_t i) {  // one object per row, on all cores
    const StatusRow& r = rows[i];
    w.begin_object();
    w.key("id").value(r.id);
    w.key("worker").value(r.worker);
    w.key("subgroup").value(r.subgroup);
    w.key("phase");
    if (r.dates_readable)
      w.value(schedule::phase_name(r.phase));
    else
      w.null();
    auto plan_date = [&](Date schedule::Plan::*m) -> std::optional<Date> {
      return r.plan ? std::optional<Date>((*r.plan).*m) : std::nullopt;
    };
    w.key("start"), json_date(w, plan_date(&schedule::Plan::start));
    w.key("phase2"), json_date(w, plan_date(&schedule::Plan::phase2));
    w.key("phase3"), json_date(w, plan_date(&schedule::Plan::phase3));
    w.key("handover_meetings"), json_date(w, plan_date(&schedule::Plan::handover));
    w.key("planned_end"), json_date(w, plan_date(&schedule::Plan::planned_end));
    w.key("end"), json_date(w, r.end);
    w.key("end_status");
    if (r.end_status)
      w.value(end_status_name(*r.end_status));
    else
      w.null();
    w.key("next");
    if (r.next) {
      w.begin_object();
      w.key("point").value(schedule::point_name(r.next->kind));
      w.key("date").value(format_date(r.next->date));
      w.key("days").value(r.next_days);
      w.end_object();
    } else {
      w.null();
    }
    auto items = [&](const char* key, const std::vector<StatusItem>& list) {
      w.key(key).begin_array();
      for (const auto& it : list) {
        if (it.documentation) continue;
        w.begin_object().key("point").value(it.point).key("item").value(it.item);
        w.key("due").value(format_date(it.due));
        if (it.days_since) w.key("days_since").value(*it.days_since);
        w.end_object();
      }
      w.end_array();
    };
    auto docs = [&](const char* key, const std::vector<StatusItem>& list) {
      w.key(key).begin_array();
      for (const auto& it : list)
        if (it.documentation) w.value(it.item);
      w.end_array();
    };
    items("overdue", r.overdue);
    items("due_soon", r.due_soon);
    docs("documentation_overdue", r.overdue);
    docs("documentation_due_soon", r.due_soon);
    w.key("errors").begin_array();
    for (const auto& e : r.errors)
      w.begin_object().key("rule").value(e.rule).key("line").value(e.line).key("message").value(e.message).end_object();
    w.end_array();
    w.key("file").value(r.file);
    w.end_object();
  });
  w.end_array();
  write_uncounted_json(w, uncounted);
  w.end_object();
  return std::move(w).str();
}

std::string render_status_csv(const std::vector<StatusRow>& rows) {
  static const char* kHeader[] = {
      "id",         "worker",    "subgroup",          "phase",       "day_in_phase", "start",
      "phase2",     "phase3",    "handover_meetings", "planned_end", "end",          "end_status",
      "next_point", "next_date", "next_days",         "overdue",     "due_soon",     "most_urgent",
      "error"};
  auto line = [](const std::vector<std::string>& fields) { return csv::line(fields); };
  // The Danish Excel dialect of base/csv, like the quarterly report.
  std::string out = std::string(csv::kBom) + line(std::vector<std::string>(std::begin(kHeader), std::end(kHeader)));
  for (const auto& r : rows) {
    const StatusItem* u = r.most_urgent();
    out += line({r.id, r.worker, r.subgroup, r.dates_readable ? std::string(schedule::phase_name(r.phase)) : "",
                 r.day_in_phase ? std::to_string(*r.day_in_phase) : "",
                 opt_date(r.plan ? r.plan->start : std::optional<Date>()),
                 opt_date(r.plan ? r.plan->phase2 : std::optional<Date>()),
                 opt_date(r.plan ? r.plan->phase3 : std::optional<Date>()),
                 opt_date(r.plan ? r.plan->handover : std::optional<Date>()),
                 opt_date(r.plan ? r.plan->planned_end : std::optional<Date>()), opt_date(r.end),
                 r.end_status ? std::string(end_status_name(*r.end_status)) : "",
                 r.next ? std::string(schedule::point_name(r.next->kind)) : "", r.next ? format_date(r.next->date) : "",
                 r.next ? std::to_string(r.next_days) : "", std::to_string(r.overdue_count()),
                 std::to_string(r.due_soon_count()), u ? u->label() : "", r.has_errors() ? r.errors.front().rule : ""});
  }
  return out;
}

}  // namespace cti::report
