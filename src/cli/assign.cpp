// cti assign ID WORKER: move a forløb to another worker of cti.yaml (sick leave, a
// handover inside the team). Only medarbejder changes; the id stays (it names the borger).
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct AssignOptions {
  RecordOptions record;
  std::string worker;
};

int run_assign(const AssignOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  std::vector<std::string> workers;
  for (const auto& w : c->repo.project.workers) workers.push_back(w.id);
  auto worker = pick(o.worker, workers, tr("worker", "medarbejder"));
  if (!worker) return kUsage;
  // Moving the forløb is the point of the command: no --force for a different worker.
  edit::Result res = edit::set_field(c->bytes, "", "medarbejder", *worker, true);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  Recorded r;
  r.value = r.phrase = *worker;
  r.note("medarbejder", e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_assign(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<AssignOptions>();
  add_record_options(app, o->record, false);
  app.add_option("WORKER", o->worker)->required();
  return [o, &g] { return run_assign(*o, g); };
}

}  // namespace cti::cli
