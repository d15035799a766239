// cti set ID indflytning|kontakt|anchored-role VALUE: the forløb's remaining single values,
// the move-in and first-contact dates and the role where long-term support is anchored.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct SetOptions {
  RecordOptions record;
  std::string field;
  std::string value;
};

// The names FIELD takes (the file's key for the role too), and the key each one sets.
const std::vector<std::pair<std::string, std::string>>& fields() {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"indflytning", "indflytning"},
      {"kontakt", "kontakt"},
      {"anchored-role", "ansvar_forankret_hos"},
      {"ansvar_forankret_hos", "ansvar_forankret_hos"},
  };
  return table;
}

int run_set(const SetOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  std::vector<std::string> names;
  for (const auto& f : fields()) names.push_back(f.first);
  auto name = pick(o.field, names, tr("field", "felt"));
  if (!name) return kUsage;
  std::string key;
  for (const auto& f : fields())
    if (f.first == *name) key = f.second;
  std::string value;
  if (key == "ansvar_forankret_hos") {
    // The ROLE, never a person's name: one of the roles of the method or cti.yaml roller.
    auto role = pick(o.value, c->repo.project.all_roles(), tr("role", "rolle"));
    if (!role) return kUsage;
    value = *role;
  } else {
    // The same slips as --date (SPEC 6): empty refused, a date ahead warned or refused.
    auto d = recording_date(true, o.value, key, c->date, o.record.force, c->warnings, false);
    if (!d) return kUsage;
    value = format_date(*d);
  }
  edit::Result res = edit::set_field(c->bytes, "", key, value, o.record.force);
  if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
  const auto& e = std::get<edit::Edited>(res);
  Recorded r;
  r.value = r.phrase = value;
  r.note(key, e);
  return finish(*c, o.record, e, recorded_line(c->id(), r));
}

}  // namespace

Runner setup_set(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<SetOptions>();
  add_record_options(app, o->record, false);
  app.add_option("FIELD", o->field)->required()->type_name("TEXT:{indflytning,kontakt,anchored-role}");
  // Completed with the roles (a date has nothing to offer): ROLE in the type name.
  app.add_option("VALUE", o->value)->required()->type_name("DATE|ROLE");
  return [o, &g] { return run_set(*o, g); };
}

}  // namespace cti::cli
