// cti goal ID AREA [--reached D] [--remove]: a goal of the long-term plan (mål), by
// area only: added, marked reached (nået) or removed.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct GoalOptions {
  RecordOptions record;
  std::string area;
  std::string reached;
  bool remove = false;
  const CLI::Option* reached_option = nullptr;
};

int run_goal(const GoalOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  auto area = pick(o.area, c->repo.project.all_areas(), tr("area", "område"));
  if (!area) return kUsage;
  edit::GoalEdit ge{*area, std::nullopt, o.remove};
  if (o.reached_option->count() > 0) {
    // The same slips as --date (SPEC 6): empty refused, a date ahead warned or refused.
    auto d = recording_date(true, o.reached, "--reached", c->date, o.record.force, c->warnings, false);
    if (!d) return kUsage;
    ge.reached = *d;
  }
  edit::Result res = edit::edit_goal(c->bytes, ge, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  std::string line;
  if (o.remove) {
    line = fmt::format(fmt::runtime(tr("{}: goal {} removed", "{}: mål {} fjernet")), c->id(), *area);
  } else if (!ge.reached) {
    line = fmt::format(fmt::runtime(e.changed ? tr("{}: goal {} added", "{}: mål {} tilføjet")
                                              : tr("{}: goal {} is already in the plan",
                                                   "{}: mål {} står allerede i "
                                                   "planen")),
                       c->id(), *area);
  } else {
    Recorded r;
    r.value = r.phrase = format_date(*ge.reached);
    r.note(fmt::format(fmt::runtime(tr("goal {} reached", "mål {} nået")), *area), e);
    line = recorded_line(c->id(), r);
  }
  return finish(*c, o.record, e, line);
}

}  // namespace

Runner setup_goal(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<GoalOptions>();
  add_record_options(app, o->record, false);
  app.add_option("AREA", o->area)->required();
  auto* reached = app.add_option("--reached,--naaet", o->reached)->option_text("DATE");
  o->reached_option = reached;
  app.add_flag("--remove,--fjern", o->remove)->excludes(reached);
  return [o, &g] { return run_goal(*o, g); };
}

}  // namespace cti::cli
