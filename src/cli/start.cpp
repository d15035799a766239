// cti start ID [--date D]: record opstart (phase 1 begins, the contact period ends).
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

namespace {

int run_start(const RecordOptions& o, const GlobalOptions& g) {
  auto c = open_case(o, g);
  if (!c) return kUsage;
  edit::Result res = edit::set_start(c->bytes, c->date, o.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  Recorded r;
  r.value = r.phrase = format_date(c->date);
  r.note("opstart", e);
  return finish(*c, o, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_start(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<RecordOptions>();
  add_record_options(app, *o);
  return [o, &g] { return run_start(*o, g); };
}

}  // namespace cti::cli
