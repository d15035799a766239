// cti peer ID offered|wanted|declined|matched [--form F] [--date D]: record a step of
// peer support (peer_støtte): offered (tilbudt: date), wanted or declined (ønsket: ja|nej),
// matched with a peer supporter (tilknyttet: date; only when wanted), and its form.
#include <fmt/format.h>

#include "base/forloeb.hpp"
#include "base/lang.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"

namespace cti::cli {

using i18n::tr;

namespace {

struct PeerOptions {
  RecordOptions record;
  std::string step;
  std::string form;
};

struct Step {
  const char* name;   // as typed (English)
  const char* alias;  // the file's Danish word
  const char* key;    // in peer_støtte
  const char* value;  // nullptr: the date
};
constexpr Step kSteps[] = {
    {"offered", "tilbudt", "tilbudt", nullptr},
    {"wanted", "ønsket", "ønsket", "ja"},
    {"declined", "afslået", "ønsket", "nej"},
    {"matched", "tilknyttet", "tilknyttet", nullptr},
};

int run_peer(const PeerOptions& o, const GlobalOptions& g) {
  auto c = open_case(o.record, g);
  if (!c) return kUsage;
  std::vector<std::string> names;
  for (const auto& s : kSteps) names.insert(names.end(), {s.name, s.alias});
  auto name = pick(o.step, names, tr("peer-support step", "trin i peer-støtten"));
  if (!name) return kUsage;
  const Step* step = nullptr;
  for (const auto& s : kSteps)
    if (*name == s.name || *name == s.alias) step = &s;
  if (step->value && !o.record.date.empty())
    return setup_error(fmt::format(fmt::runtime(tr("--date is the day of offered or matched; {} records no date",
                                                   "--date er dagen for offered eller matched; {} registrerer ingen "
                                                   "dato")),
                                   *name));
  std::vector<std::pair<std::string, std::string>> sets = {
      {step->key, step->value ? std::string(step->value) : format_date(c->date)}};
  if (!o.form.empty()) {
    auto form = pick(o.form, {std::begin(kPeerForms), std::end(kPeerForms)}, "--form");
    if (!form) return kUsage;
    sets.emplace_back("form", *form);
  }
  edit::Edited all{c->bytes, false, {}};
  std::string line;
  for (const auto& [key, value] : sets) {
    edit::Result res = edit::set_field(all.bytes, "peer_støtte", key, value, o.record.force);
    if (auto* no = std::get_if<edit::Refused>(&res)) return refuse(*c, no->message);
    auto& e = std::get<edit::Edited>(res);
    Recorded r;
    r.value = r.phrase = value;
    r.note("peer_støtte." + key, e);
    const std::string said = recorded_line(c->id(), r);
    line += line.empty() ? said : "; " + said.substr(c->id().size() + 2);
    all.changed = all.changed || e.changed;
    all.bytes = std::move(e.bytes);
  }
  return finish(*c, o.record, all, line);
}

}  // namespace

Runner setup_peer(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<PeerOptions>();
  add_record_options(app, o->record);
  app.add_option("STEP", o->step)->required()->type_name("TEXT:{offered,wanted,declined,matched}");
  app.add_option("--form", o->form)->option_text("FORM")->type_name("TEXT:{en-til-en,gruppe}");
  return [o, &g] { return run_peer(*o, g); };
}

}  // namespace cti::cli
