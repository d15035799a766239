// cti contact ID [--date D] [--with W] [--where P] [--status S]: add a contact to the log.
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct ContactOptions {
  RecordOptions record;
  std::string with = "borger";
  std::string where;
  std::string status = "holdt";
};

int run_contact(const ContactOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  edit::Contact contact{c->date, o.with, o.where, o.status};
  auto with = pick(o.with, {"borger", "netværk", "myndighed", "andet"}, "--with (med)");
  if (!with) return kUsage;
  if (!o.where.empty() &&
      !pick(o.where, {"hjemme", "lokalsamfund", "kontor", "telefon", "video", "andet"}, "--where (sted)"))
    return kUsage;
  if (!pick(o.status, {"holdt", "aflyst", "udeblevet"}, "--status")) return kUsage;
  edit::Result res = edit::add_contact(c->bytes, contact, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  std::string details = o.where;
  if (o.status != "holdt") details += (details.empty() ? "" : ", ") + o.status;
  Recorded r;
  r.value = r.phrase = format_date(c->date);
  r.note(std::string(tr("contact with ", "kontakt med ")) + o.with + (details.empty() ? "" : " (" + details + ")"), e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_contact(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<ContactOptions>();
  add_record_options(app, o->record);
  app.add_option("--with,--med", o->with)->option_text("WHO");
  app.add_option("--where,--sted", o->where)->option_text("PLACE");
  app.add_option("--status", o->status)->option_text("STATUS");
  return [o, &g] { return run_contact(*o, g); };
}

}  // namespace cti::cli
