// cti end ID --status S [--date D] [--reason TEXT]: record the afslutning.
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct EndOptions {
  RecordOptions record;
  std::string status;
  std::string reason;
  bool has_reason = false;
};

int run_end(const EndOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  // overdraget: the older word for flyttet, still read (with a warning) and accepted here.
  auto status = pick(o.status, {"gennemført", "afbrudt", "flyttet", "overdraget"}, "status");
  if (!status) return kUsage;
  edit::EndingEdit ending{c->date, *status, std::nullopt};
  if (o.has_reason) ending.reason = o.reason;
  edit::Result res = edit::set_ending(c->bytes, ending, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  Recorded r;
  r.value = format_date(c->date);
  r.phrase = r.value + " (" + *status + ")";
  r.note(std::string(tr("afslutning", "afslutning")), e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_end(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<EndOptions>();
  add_record_options(app, o->record);
  app.add_option("--status", o->status, "gennemført, afbrudt or flyttet (the older overdraget is accepted)")
      ->required()
      ->option_text("STATUS");
  auto* reason = app.add_option("--reason,--aarsag", o->reason, "Free text for årsag (never a name or a CPR number)")
                     ->option_text("TEXT");
  return [o, &g, reason] {
    o->has_reason = reason->count() > 0;
    return run_end(*o, g);
  };
}

}  // namespace cti::cli
