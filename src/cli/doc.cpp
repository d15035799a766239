// cti doc ID POINT [--date D]: record a documentation form (opstart, fase2, fase3, afslutning).
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

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
  auto name = pick(o.point, points, tr("documentation point", "dokumentationspunkt"));
  if (!name) return kUsage;
  edit::Result res = edit::set_documentation(c->bytes, *parse_doc_point(*name), c->date, o.record.force);
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
  app.add_option("POINT", o->point, "The documentation point: opstart, fase2, fase3 or afslutning")->required();
  return [o, &g] { return run_doc(*o, g); };
}

}  // namespace cti::cli
