// cti doc ID POINT [--date D]: record a documentation form (opstart, fase2, fase3, afslutning).
#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"
#include "schedule/slips.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct DocOptions {
  RecordOptions record;
  std::string point;
};

int run_doc(const DocOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  std::vector<std::string> points;
  for (DocPoint p : kAllDocPoints) points.emplace_back(doc_point_name(p));
  // The agenda's "dokumentation:fase2" (and its short "dok:fase2") names the point too.
  std::string given = o.point;
  for (std::string_view prefix : {"dokumentation:", "dok:"})
    if (given.starts_with(prefix)) given.erase(0, prefix.size());
  auto name = pick(given, points, tr("documentation point", "dokumentationspunkt"));
  if (!name) return kUsage;
  const DocPoint point = *parse_doc_point(*name);
  if (auto day = schedule::documentation_too_early(c->forloeb(), point, c->date); day && !o.record.force) {
    const bool not_ended = point == DocPoint::afslutning && !c->forloeb().end_date();
    return refuse(*c, fmt::format(fmt::runtime(tr("the {} form belongs to {} and {} is {} before it; a form more "
                                                  "than {} days early is recorded only with --force",
                                                  "{}-skemaet hører til {}, og {} er {} før; et skema mere end {} "
                                                  "dage for tidligt registreres kun med --force")),
                                  *name, format_date(*day), format_date(c->date),
                                  days_text(days_between(c->date, *day)), schedule::kDocumentationEarlyDays) +
                          (not_ended ? fmt::format(fmt::runtime(tr(" (an early end: record it first, cti end {} "
                                                                   "--status ...)",
                                                                   " (en tidlig afslutning: registrér den først, "
                                                                   "cti end {} --status ...)")),
                                                   c->id())
                                     : std::string()));
  }
  edit::Result res = edit::set_documentation(c->bytes, point, c->date, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  Recorded r;
  r.value = r.phrase = format_date(c->date);
  r.note(std::string(tr("documentation ", "dokumentation ")) + *name, e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_doc(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<DocOptions>();
  add_record_options(app, o->record);
  app.add_option("POINT", o->point)->required();
  return [o, &g] { return run_doc(*o, g); };
}

}  // namespace cti::cli
