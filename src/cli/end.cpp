// cti end ID --status S [--date D] [--reason TEXT]: record the afslutning. A gennemført
// before the planned end day is refused without --force (the report would say
// Gennemført=ja); the old word overdraget is read in files but never written; a change of
// a recorded afslutning (--force) keeps its date unless --date is given and names every
// value it changed.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"
#include "schedule/slips.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct EndOptions {
  RecordOptions record;
  std::string status;
  std::string reason;
  bool has_reason = false;
};

std::string shown(const std::string& key, const std::string& value) {
  if (value.empty()) return std::string(tr("(none)", "(ingen)"));
  return key == "årsag" ? "\"" + value + "\"" : value;
}

// "afslutning changed: status from afbrudt to gennemført, årsag from "x" to (none); dato
// 2026-03-10 unchanged".
std::string changes_line(const std::string& id, const edit::Edited& e, const std::string& date) {
  std::string parts;
  bool date_changed = false;
  for (const auto& ch : e.changes) {
    date_changed = date_changed || ch.key == "dato";
    parts += (parts.empty() ? "" : ", ") + fmt::format(fmt::runtime(tr("{} from {} to {}", "{} fra {} til {}")), ch.key,
                                                       shown(ch.key, ch.old), shown(ch.key, ch.now));
  }
  std::string line =
      fmt::format(fmt::runtime(tr("{}: afslutning changed: {}", "{}: afslutning ændret: {}")), id, parts);
  if (!date_changed) line += fmt::format(fmt::runtime(tr("; dato {} unchanged", "; dato {} uændret")), date);
  return line;
}

int run_end(const EndOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  const Forloeb& f = c->forloeb();
  if (o.status == kOldMovedWord)
    return refuse(*c, std::string(tr("'overdraget' is no longer written: use flyttet when the borger moved to a "
                                     "municipality outside the project (the phase-3 overdragelse belongs to a "
                                     "gennemført forløb)",
                                     "'overdraget' skrives ikke længere: brug flyttet, når borgeren er flyttet til "
                                     "en kommune uden for projektet (overdragelsen i fase 3 hører til et "
                                     "gennemført forløb)")));
  auto status = pick(o.status, {"gennemført", "afbrudt", "flyttet"}, "status");
  if (!status) return kUsage;
  const bool completed = *status == end_status_name(EndStatus::completed);
  // A recorded end keeps its date unless --date is given.
  const Date date = !o.record.date_given() && f.end_date() ? *f.end_date() : c->date;
  edit::EndingEdit ending{date, *status, std::nullopt};
  if (o.has_reason)
    ending.reason = o.reason;
  else if (completed && f.ending && !f.ending->reason.empty())
    ending.reason = "";  // why it was broken off says nothing about a gennemført
  edit::Result res = edit::set_ending(c->bytes, ending, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  if (completed && e.changed && !o.record.force)
    if (auto early = schedule::completion_too_early(f, date))
      return refuse(*c, early->planned_end
                            ? fmt::format(fmt::runtime(tr("gennemført on {} is before the planned end day {} "
                                                          "(9 months after opstart), and the report would say "
                                                          "Gennemført=ja; use --status afbrudt, or --force if the "
                                                          "forløb really was completed",
                                                          "gennemført den {} er før den planlagte afslutning {} "
                                                          "(9 måneder efter opstart), og indberetningen ville sige "
                                                          "Gennemført=ja; brug --status afbrudt, eller --force hvis "
                                                          "forløbet virkelig er gennemført")),
                                          format_date(date), format_date(*early->planned_end))
                            : std::string(tr("gennemført with no opstart recorded: the forløb never began; record "
                                             "opstart first (cti start), or use --status afbrudt",
                                             "gennemført uden registreret opstart: forløbet er aldrig begyndt; "
                                             "registrér opstart først (cti start), eller brug --status afbrudt")));
  bool existed = false;
  for (const auto& ch : e.changes) existed = existed || !ch.old.empty();
  if (existed) return finish(*c, o.record, e, changes_line(c->id(), e, format_date(date)));
  Recorded r;
  r.value = format_date(date);
  r.phrase = r.value + " (" + *status + ")";
  r.note(std::string(tr("afslutning", "afslutning")), e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_end(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<EndOptions>();
  add_record_options(app, o->record);
  app.add_option("--status", o->status)->required()->option_text("STATUS");
  auto* reason = app.add_option("--reason,--aarsag", o->reason)->option_text("TEXT");
  return [o, &g, reason] {
    o->has_reason = reason->count() > 0;
    return run_end(*o, g);
  };
}

}  // namespace cti::cli
