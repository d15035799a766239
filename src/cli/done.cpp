// cti done ID ITEM... [--date D] [--not-relevant]: record checklist items as done.
#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct DoneOptions {
  RecordOptions record;
  std::vector<std::string> items;
  bool not_relevant = false;
};

// The checklist ids in the order the file lists them: by point, the manual's order
// within a point, a programme's own items after the built-in ones of their point.
std::vector<std::string> checklist_order(const Project& p) {
  std::vector<ChecklistItem> items = p.checklist();
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.stage < b.stage; });
  std::vector<std::string> ids;
  for (const auto& i : items) ids.push_back(i.id);
  return ids;
}

// langsigtet-plan recorded while mål lists fewer than kPlanGoalsMin goals: the same line
// asks for them (else every validate warns [goal-count] later).
std::string goals_hint(const CaseFile& c, const std::vector<std::string>& items, bool not_relevant) {
  if (not_relevant || std::find(items.begin(), items.end(), "langsigtet-plan") == items.end()) return {};
  const std::size_t n = c.forloeb().goals.size();
  if (n >= kPlanGoalsMin) return {};
  const std::string recorded = n == 0
                                   ? std::string(tr("none is recorded", "intet er registreret"))
                                   : fmt::format(fmt::runtime(tr("only {} is recorded", "kun {} er registreret")), n);
  return fmt::format(fmt::runtime(tr("; the long-term plan has {}-{} goals and {}: cti goal {} AREA",
                                     "; den langsigtede plan har {}-{} mål, og {}: cti goal {} OMRÅDE")),
                     kPlanGoalsMin, kPlanGoalsMax, recorded, c.id());
}

// The command for a name the board or the agenda shows that is no checklist item: a
// documentation form ("dokumentation:opstart", "dok:fase2", "fase3"), the contact owed
// under kontaktlog ("kontakt"), opstart itself.
std::optional<std::string> other_command(std::string name, const std::string& id,
                                         const std::vector<std::string>& order) {
  if (std::find(order.begin(), order.end(), name) != order.end()) return std::nullopt;
  const std::string given = name;
  for (std::string_view prefix : {"dokumentation:", "dok:"})
    if (name.starts_with(prefix)) name.erase(0, prefix.size());
  if (given == "kontakt") return "cti contact " + id;
  if (given == "opstart")
    return "cti doc " + id + " opstart" +
           std::string(tr(" (opstart itself: cti start ", " (selve opstarten: cti start ")) + id + ")";
  if (parse_doc_point(name)) return "cti doc " + id + " " + name;
  return std::nullopt;
}

int run_done(const DoneOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  const std::vector<std::string> order = checklist_order(c->repo.project);
  std::vector<std::string> items;
  for (const auto& item : o.items) {
    if (auto other = other_command(item, c->id(), order))
      return setup_error(fmt::format(fmt::runtime(tr("'{}' is not a checklist item: record it with {}",
                                                     "'{}' er ikke et tjeklistepunkt: registrér det med {}")),
                                     item, *other));
    auto known = pick(item, order, tr("checklist item", "tjeklistepunkt"));
    if (!known) return kUsage;
    if (std::find(items.begin(), items.end(), *known) == items.end()) items.push_back(*known);
  }
  Recorded r;
  r.value = o.not_relevant ? edit::kNotRelevant : format_date(c->date);
  r.phrase = o.not_relevant ? std::string(tr("as not relevant", "som ikke relevant")) : r.value;
  edit::Edited all{c->bytes, false, {}};
  for (const auto& item : items) {
    edit::Result res = edit::set_checklist_item(all.bytes, item, r.value, order, o.record.force);
    if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
    auto& e = std::get<edit::Edited>(res);
    r.note(item, e);
    all.changed = all.changed || e.changed;
    all.bytes = std::move(e.bytes);
  }
  return finish(*c, o.record, all, recorded_line(c->id(), r), goals_hint(*c, items, o.not_relevant));
}

}  // namespace

Runner setup_done(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<DoneOptions>();
  add_record_options(app, o->record);
  app.add_option("ITEM", o->items)->required();
  auto* nr = app.add_flag("--not-relevant,--ikke-relevant", o->not_relevant);
  nr->excludes(app.get_option("--date"));
  return [o, &g] { return run_done(*o, g); };
}

}  // namespace cti::cli
