// cti plan ID PHASE AREA...: set one phase's focus areas of the phase plan
// (fokusområder.faseN), 1-3 areas of the method or cti.yaml områder.
#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct PlanOptions {
  RecordOptions record;
  std::string phase;
  std::vector<std::string> areas;
};

int run_plan(const PlanOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  std::string typed = o.phase;
  if (typed == "1" || typed == "2" || typed == "3") typed = "fase" + typed;
  auto phase = pick(typed, {"fase1", "fase2", "fase3"}, tr("phase", "fase"));
  if (!phase) return kUsage;
  const std::vector<std::string> known = c->repo.project.all_areas();
  std::vector<std::string> areas;
  for (const auto& a : o.areas) {
    auto area = pick(a, known, tr("area", "område"));
    if (!area) return kUsage;
    if (std::find(areas.begin(), areas.end(), *area) == areas.end()) areas.push_back(*area);
  }
  // More than three is written and then refused by the rule too-many-focus-areas, as
  // every recording is checked: the limit lives in one place.
  edit::Result res = edit::set_focus_areas(c->bytes, phase->back() - '0', areas, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  Recorded r;
  r.value = "[";
  for (const auto& a : areas) r.value += (r.value.size() > 1 ? ", " : "") + a;
  r.value += "]";
  r.phrase = r.value;
  r.note("fokusområder." + *phase, e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_plan(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<PlanOptions>();
  add_record_options(app, o->record, false);
  app.add_option("PHASE", o->phase)->required()->type_name("TEXT:{fase1,fase2,fase3}");
  app.add_option("AREA", o->areas)->required();
  return [o, &g] { return run_plan(*o, g); };
}

}  // namespace cti::cli
