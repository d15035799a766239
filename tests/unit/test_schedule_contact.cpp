// The contact item of SPEC section 3 (cti.yaml kontaktlog) at each boundary, and
// dokumentation_frist_dage moving documentation due dates.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/project.hpp"
#include "schedule/schedule.hpp"
#include "schedule/timeline.hpp"

using namespace cti;
using namespace cti::schedule;

namespace {

Date D(const char* s) {
  auto d = parse_date(s);
  REQUIRE_MESSAGE(d.has_value(), s);
  return *d;
}

// opstart 2025-02-03: fase2 from 2025-05-03, fase3 from 2025-08-03, planned end 2025-11-03.
Forloeb make() {
  Forloeb f;
  f.id.set("K-1", {});
  f.stem = "K-1";
  f.start.set(D("2025-02-03"), {});
  f.has_contact_log = true;
  return f;
}

void contact(Forloeb& f, const char* date, const char* status = nullptr) {
  Contact c;
  c.date.set(D(date), {});
  if (status) c.status.set(status, {});
  f.contacts.push_back(c);
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

}  // namespace

TEST_CASE("phase 1: owed the day after 7 days without a held contact, counted from opstart") {
  Forloeb f = make();
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
  Forloeb f = make();
  contact(f, "2025-02-20");
  CHECK(contact_state(f, "2025-02-27") == State::due_soon);
  CHECK(contact_state(f, "2025-02-28") == State::overdue);
  contact(f, "2025-02-25", "aflyst");
  contact(f, "2025-02-26", "udeblevet");
  CHECK(contact_state(f, "2025-02-28") == State::overdue);
  CHECK(contact_obligation(f, kLimits, D("2025-02-28"))->days_since == 8);
  contact(f, "2025-02-27", "holdt");
  CHECK(contact_state(f, "2025-03-06") == State::due_soon);
  CHECK(contact_state(f, "2025-03-07") == State::overdue);
}

TEST_CASE("phase 2: 14 days") {
  Forloeb f = make();
  contact(f, "2025-06-01");
  CHECK(contact_state(f, "2025-06-15") == State::due_soon);
  CHECK(contact_state(f, "2025-06-16") == State::overdue);
  auto o = contact_obligation(f, kLimits, D("2025-06-16"));
  CHECK(o->point == "fase2");
  CHECK(o->days_since == 15);
  CHECK(o->limit == 14);
  contact(f, "2025-06-10", "aflyst");
  CHECK(contact_state(f, "2025-06-16") == State::overdue);
}

TEST_CASE("phase 3: 28 days; the limit is the phase's on the day asked about") {
  Forloeb f = make();
  contact(f, "2025-07-20");                                  // in phase 2; phase 3 begins 2025-08-03
  CHECK(contact_state(f, "2025-08-17") == State::due_soon);  // 28 days
  CHECK(contact_state(f, "2025-08-18") == State::overdue);   // 29 days
  CHECK(contact_obligation(f, kLimits, D("2025-08-18"))->point == "fase3");
  contact(f, "2025-08-10", "udeblevet");
  CHECK(contact_state(f, "2025-08-18") == State::overdue);
}

TEST_CASE("no contact item outside phases 1-3, for contacts after today, or past a recorded end") {
  Forloeb f = make();
  CHECK_FALSE(contact_state(f, "2025-02-02"));  // kontakt period
  CHECK_FALSE(contact_state(f, "2025-11-04"));  // overskredet
  contact(f, "2025-03-01");
  CHECK(contact_state(f, "2025-02-20") == State::overdue);  // the 03-01 contact is still ahead
  f.ending.emplace();
  f.ending->date.set(D("2025-03-05"), {});
  f.ending->status.set(EndStatus::interrupted, {});
  CHECK_FALSE(contact_state(f, "2025-03-06"));              // afsluttet
  CHECK_FALSE(contact_state(f, "2025-03-04"));              // due 03-08 (03-01 + 7) is after the end: nothing
  CHECK(contact_state(f, "2025-02-28") == State::overdue);  // before 03-01: 25 days since opstart
}

TEST_CASE("obligations(): the contact item only with kontaktlog and a day; documentation grace") {
  Forloeb f = make();
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
