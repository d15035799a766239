// The schedule of a forløb (SPEC section 3): pure functions of a forløb and a day.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/checklist.hpp"
#include "base/date.hpp"
#include "base/forloeb.hpp"
#include "base/project.hpp"

namespace cti::schedule {

enum class Phase { kontakt, fase1, fase2, fase3, overskredet, afsluttet };
std::string_view phase_name(Phase p);

// The points of a forløb's schedule, in order.
enum class PointKind { opstart, fase2, fase3, overdragelsesmoeder, afslutning };
std::string_view point_name(PointKind k);  // opstart, fase2, fase3, overdragelsesmøder, afslutning

struct Point {
  PointKind kind;
  Date date;
};

// The planned dates, all from opstart: m(opstart, 3), m(opstart, 6), m(opstart, 8), m(opstart, 9).
struct Plan {
  Date start, phase2, phase3, handover, planned_end;
  std::vector<Point> points() const;
};

std::optional<Plan> plan_of(const Forloeb& f);  // nothing without opstart

// The phase on `today`. The planned end day m(opstart, 9) is the last day of fase3;
// overskredet starts the day after while no afslutning is recorded.
Phase phase_on(const Forloeb& f, Date today);

// "aktive", one meaning everywhere (status, caseload, fidelity, board): opstart reached
// and not ended (fase1, fase2, fase3, overskredet). The contact period counts apart.
bool is_active(Phase p);

// Past its planned end with no afslutning recorded (from the day after m(opstart, 9)).
bool is_overdue_end(const Forloeb& f, Date today);

// The day the current phase began (kontakt: the contact date, if any).
std::optional<Date> phase_began(const Forloeb& f, Date today);

// 1 on the first day of the phase; nothing when the phase has no known start.
std::optional<int> day_in_phase(const Forloeb& f, Date today);

// Whether an early end drops planned point `p` (SPEC 3): it lies after the recorded end
// (opstart never is). Nothing falls due there any more; its obligations move to the end
// date (documentation afslutning; the afslutning items for gennemført) or lapse.
bool point_dropped(const Forloeb& f, const Point& p);

// The points the forløb still has, in date order: the planned points an end does not
// drop, with afslutning at the recorded end date (else at the planned end). Empty
// without opstart. status, show, calendar and board all take their points from here.
std::vector<Point> due_points(const Forloeb& f);

// The first point strictly after today for a running forløb. Points on or after an end
// recorded ahead of time give way to `afslutning` on that end date. For `overskredet`
// with no end recorded: the (past) planned end. Nothing for `afsluttet`, or in the
// contact period without opstart.
std::optional<Point> next_point(const Forloeb& f, Date today);

// Something the forløb owes: a checklist item, a documentation form or (with cti.yaml
// kontaktlog) a contact, with its due date.
struct Obligation {
  // start: a forløb longer in the contact period than kontakt_højst_dage owes its opstart.
  enum class Kind { checklist, documentation, contact, start } kind;
  std::string id;     // item id, documentation point name, or "kontakt" for a contact
  std::string text;   // the item's Danish text (empty for documentation; for a contact the day-count)
  std::string point;  // the schedule point it belongs to: kontakt, fase2, fase3, afslutning, opstart;
                      // for a contact the phase it is owed in (fase1, fase2, fase3)
  Date due;
  std::optional<Date> done;
  bool not_relevant = false;
  int days_since = 0;  // contact: days from the last held contact (or opstart) to the day asked about
  int limit = 0;       // contact: kontaktlog.faseN
  bool recorded() const { return done.has_value() || not_relevant; }
};

// What obligations() takes from cti.yaml besides the checklist, and the day it is asked
// about (only the contact item depends on it).
struct ObligationSettings {
  int documentation_grace_days = 0;          // dokumentation_frist_dage
  std::optional<ContactLimits> contact_log;  // kontaktlog
  int contact_period_days = 60;              // kontakt_højst_dage
  std::optional<Date> today;
};
ObligationSettings settings_of(const Project& p, Date today);

// The contact a running forløb in phase N owes on `today` under kontaktlog (SPEC 3): due
// kontaktlog.faseN days after the last held contact on or before today (or opstart, if
// later); so it is overdue exactly when that gap is more than the limit. Nothing outside
// phases 1-3, or when the due day falls after an end recorded ahead of time.
std::optional<Obligation> contact_obligation(const Forloeb& f, const ContactLimits& limits, Date today);

// Everything the forløb owes, in due-date order, per SPEC section 3: kontakt items at
// opstart, fase2 at m(opstart,3), fase3 at m(opstart,6), overdragelsesmøder at
// m(opstart,8), the other afslutning items at m(opstart,9). When the forløb ended
// early, documentation `afslutning` falls due at the end date; for gennemført the
// afslutning items do too; items of points after an afbrudt/flyttet end are dropped.
// Documentation falls due dokumentation_frist_dage after its point; with kontaktlog and
// a day, the contact item is added (contact_obligation).
//
// In the contact period (a kontakt date, no opstart, not ended) the kontakt items are owed
// by kontakt + kontakt_højst_dage, and so is an item `opstart` (Kind::start): overdue
// exactly when the forløb has been in contact for more than that many days.
std::vector<Obligation> obligations(const Forloeb& f, const std::vector<ChecklistItem>& checklist,
                                    const ObligationSettings& settings = {});

// Whether the forløb belongs on the default board (status without --all, agenda): it has
// not ended, or it has ended and still owes its closing documentation or, for
// gennemført, one of its afslutning items (SPEC 3).
bool on_default_board(const Forloeb& f, const std::vector<ChecklistItem>& checklist, Date today);

enum class State { done, not_relevant, overdue, due_soon, open };
// Overdue: due before today and not recorded. Due soon: due today or within `horizon` days.
// A done date after today does not count yet (so `--today` shows the board as it was then).
State state_on(const Obligation& o, Date today, int horizon_days);

inline constexpr int kDefaultHorizonDays = 14;

}  // namespace cti::schedule
