#include "load/forloeb_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/checklist.hpp"
#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "load/text_checks.hpp"
#include "load/yaml_messages.hpp"
#include "load/yaml_reader.hpp"

namespace cti {

using i18n::tr;

namespace {

const std::vector<std::string> kTopKeys = {
    "id",           "medarbejder", "delmålgruppe",         "kontakt",     "opstart",
    "indflytning",  "tjekliste",   "dokumentation",        "peer_støtte", "kontakter",
    "fokusområder", "mål",         "ansvar_forankret_hos", "afslutning",  "noter"};
const std::vector<std::string> kRequired = {"id", "medarbejder", "delmålgruppe"};
const std::vector<std::string> kEndKeys = {"dato", "status", "årsag"};
const std::vector<std::string> kPeerKeys = {"tilbudt", "ønsket", "tilknyttet", "form"};
const std::vector<std::string> kContactKeys = {"dato", "med", "sted", "status"};
const std::vector<std::string> kPhaseKeys = {"fase1", "fase2", "fase3"};
const std::vector<std::string> kGoalKeys = {"område", "nået"};
const std::vector<std::string> kDocPoints = {"opstart", "fase2", "fase3", "afslutning"};
constexpr std::string_view kNotRelevant = "ikke relevant";

void read_checklist(YamlReader& r, const yaml::Node& v, Forloeb& fl) {
  if (v.IsNull() || !r.is_mapping(v, "tjekliste")) return;
  std::set<std::string> seen;
  for (const auto& entry : v.pairs()) {
    const yaml::Node& k = entry.first;
    const yaml::Node& val = entry.second;
    auto key = r.scalar(k, "tjekliste");
    if (!key) continue;
    Pos kp = pos_of(k);
    if (!seen.insert(*key).second) {
      r.error(kp, "duplicate-key",
              fmt::format(fmt::runtime(tr("key '{}' appears more than once", "nøglen '{}' står der mere end én gang")),
                          *key));
      continue;
    }
    if (val.IsNull()) continue;  // empty: not done yet, as if the item were not there
    ChecklistMark m{*key, std::nullopt, false, kp};
    if (val.IsScalar() && val.Scalar() == kNotRelevant) {
      m.not_relevant = true;
    } else if (val.IsScalar() && !looks_like_date(val.Scalar())) {
      r.error(
          pos_of(val), "invalid-date",
          fmt::format(fmt::runtime(tr("checklist item '{}' must be a date (YYYY-MM-DD) or \"ikke relevant\", not {}",
                                      "tjeklistepunktet '{}' skal være en dato (ÅÅÅÅ-MM-DD) eller \"ikke relevant\", "
                                      "ikke {}")),
                      *key, quote_value(val.Scalar())) +
              spelling_hint(val.Scalar(), kNotRelevant) + date_hint(val.Scalar()));
      continue;
    } else if (auto d = r.date(val, "tjekliste." + *key)) {
      m.done = *d;
    } else {
      continue;
    }
    fl.checklist.push_back(std::move(m));
  }
}

// `økonomi: 2025-05-10` appended after `noter: |` is note text, not a record: warn, at its line.
void items_in_notes(YamlReader& r, const std::string& notes, Pos key) {
  int line = key.line;
  for (std::size_t start = 0; start < notes.size();) {
    std::size_t end = notes.find('\n', start);
    if (end == std::string::npos) end = notes.size();
    std::string_view l(notes.data() + start, end - start);
    ++line;  // a block value (noter: |) starts on the line after the key
    start = end + 1;
    while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
    auto colon = l.find(": ");
    if (colon == std::string_view::npos) continue;
    std::string_view value = l.substr(colon + 2);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
    const std::string item(l.substr(0, colon));
    if (!(looks_like_date(value) || value == kNotRelevant)) continue;
    if (!r.is_item_id(item)) continue;
    r.warning({line, 1}, "item-in-notes",
              fmt::format(fmt::runtime(tr("'{}' is note text here, not a checklist record; move the line under "
                                          "tjekliste:",
                                          "'{}' er notetekst her, ikke en registrering i tjeklisten; flyt linjen ind "
                                          "under tjekliste:")),
                          item));
  }
}

void read_documentation(YamlReader& r, const yaml::Node& v, Forloeb& fl) {
  if (v.IsNull() || !r.is_mapping(v, "dokumentation")) return;
  r.each_key(v, kDocPoints, "dokumentation", [&](const std::string& key, Pos kp, const yaml::Node& val) {
    if (val.IsNull()) return;  // empty: not filled in yet, as if the key were not there
    if (auto d = r.date(val, "dokumentation." + key)) fl.documentation.push_back({*parse_doc_point(key), *d, kp});
  });
}

void read_peer(YamlReader& r, const yaml::Node& v, Forloeb& fl) {
  if (v.IsNull() || !r.is_mapping(v, "peer_støtte")) return;
  PeerSupport peer;
  r.each_key(v, kPeerKeys, "peer_støtte", [&](const std::string& key, Pos, const yaml::Node& val) {
    if (val.IsNull()) return;
    if (key == "tilbudt") {
      if (auto d = r.date(val, "peer_støtte.tilbudt")) peer.offered.set(*d, pos_of(val));
    } else if (key == "tilknyttet") {
      if (auto d = r.date(val, "peer_støtte.tilknyttet")) peer.matched.set(*d, pos_of(val));
    } else if (key == "form") {
      if (auto s = r.scalar(val, "peer_støtte.form")) peer.form.set(*s, pos_of(val));
    } else if (auto s = r.scalar(val, "peer_støtte.ønsket")) {
      if (*s == "ja" || *s == "nej")
        peer.wanted.set(*s == "ja", pos_of(val));
      else
        r.error(pos_of(val), "invalid-value",
                fmt::format(fmt::runtime(tr("'peer_støtte.ønsket' must be ja or nej, not {}",
                                            "'peer_støtte.ønsket' skal være ja eller nej, ikke {}")),
                            quote_value(*s)) +
                    spelling_hint(*s, "ja") + spelling_hint(*s, "nej"));
    }
  });
  fl.peer = peer;
}

void read_ending(YamlReader& r, const yaml::Node& v, Forloeb& fl) {
  if (v.IsNull() || !r.is_mapping(v, "afslutning")) return;
  Ending end;
  r.require(v, {"dato", "status"}, pos_of(v), kEndKeys);
  r.each_key(v, kEndKeys, "afslutning", [&](const std::string& key, Pos, const yaml::Node& val) {
    if (val.IsNull()) return;
    if (key == "dato") {
      if (auto d = r.date(val, "afslutning.dato")) end.date.set(*d, pos_of(val));
    } else if (key == "status") {
      auto s = r.scalar(val, "afslutning.status");
      if (!s) return;
      if (auto st = parse_end_status(*s)) {
        end.status.set(*st, pos_of(val));
      } else {
        std::string msg =
            fmt::format(fmt::runtime(tr("afslutning.status {} must be gennemført, afbrudt or flyttet",
                                        "afslutning.status {} skal være gennemført, afbrudt eller flyttet")),
                        quote_value(*s));
        msg += did_you_mean(*s, {"gennemført", "afbrudt", "flyttet"});
        r.error(pos_of(val), "invalid-status", msg);
      }
      if (*s == kOldMovedWord)
        r.warning(pos_of(val), "deprecated-status",
                  std::string(tr("afslutning.status 'overdraget' is the old word for a move to another municipality; "
                                 "write 'flyttet' (in CTI, overdragelse is the planned phase-3 handover)",
                                 "afslutning.status 'overdraget' er det gamle ord for flytning til en anden kommune; "
                                 "skriv 'flyttet' (i CTI er overdragelse den planlagte overdragelse i fase 3)")));
    } else if (auto s = r.scalar(val, "afslutning.årsag")) {
      end.reason = *s;
    }
  });
  fl.ending = end;
}

void read_contacts(YamlReader& r, const yaml::Node& v, Forloeb& fl) {
  fl.has_contact_log = true;
  if (v.IsNull() || !r.is_sequence(v, "kontakter")) return;
  for (const auto& entry : v) {
    if (!r.is_mapping(entry, "kontakter")) continue;
    Contact c;
    c.pos = pos_of(entry);
    r.require(entry, {"dato"}, pos_of(entry), kContactKeys);
    r.each_key(entry, kContactKeys, "kontakter", [&](const std::string& key, Pos, const yaml::Node& val) {
      if (val.IsNull()) return;
      if (key == "dato") {
        if (auto d = r.date(val, "kontakter.dato")) c.date.set(*d, pos_of(val));
        return;
      }
      Field<std::string>& field = key == "med" ? c.with : key == "sted" ? c.place : c.status;
      if (auto s = r.scalar(val, "kontakter." + key)) field.set(*s, pos_of(val));
    });
    if (c.date) fl.contacts.push_back(std::move(c));
  }
}

void read_focus(YamlReader& r, const yaml::Node& v, Forloeb& fl) {
  if (v.IsNull() || !r.is_mapping(v, "fokusområder")) return;
  r.each_key(v, kPhaseKeys, "fokusområder", [&](const std::string& key, Pos kp, const yaml::Node& val) {
    FocusAreas fa;
    fa.phase = key.back() - '0';
    fa.pos = kp;
    std::string where = "fokusområder." + key;
    if (!val.IsNull() && r.is_sequence(val, where))
      for (const auto& a : val)
        if (auto s = r.scalar(a, where)) fa.areas.push_back({*s, pos_of(a), true});
    fl.focus.push_back(std::move(fa));
  });
}

void read_goals(YamlReader& r, const yaml::Node& v, Pos kp, Forloeb& fl) {
  fl.goals_pos = kp;
  if (v.IsNull() || !r.is_sequence(v, "mål")) return;
  for (const auto& entry : v) {
    if (!r.is_mapping(entry, "mål")) continue;
    Goal g;
    g.pos = pos_of(entry);
    r.require(entry, {"område"}, pos_of(entry), kGoalKeys);
    r.each_key(entry, kGoalKeys, "mål", [&](const std::string& key, Pos, const yaml::Node& val) {
      if (val.IsNull()) return;
      if (key == "område") {
        if (auto s = r.scalar(val, "mål.område")) g.area.set(*s, pos_of(val));
      } else if (auto d = r.date(val, "mål.nået")) {
        g.reached.set(*d, pos_of(val));
      }
    });
    fl.goals.push_back(std::move(g));
  }
}

void read_date_field(YamlReader& r, const yaml::Node& val, const std::string& key, Field<Date>& field) {
  if (val.IsNull()) return;
  if (auto d = r.date(val, key)) field.set(*d, pos_of(val));
}

void read_text_field(YamlReader& r, const yaml::Node& val, const std::string& key, Field<std::string>& field) {
  if (val.IsNull()) return;
  if (auto s = r.scalar(val, key)) field.set(*s, pos_of(val));
}

}  // namespace

Forloeb load_forloeb(const SourceFile& f, Diagnostics& out, const std::vector<std::string>& item_ids) {
  Forloeb fl;
  fl.file = f.path;
  fl.stem = file_stem(f.path);
  YamlReader r(f.path, out);
  if (!item_ids.empty()) r.set_item_ids(item_ids);
  auto finish = [&]() -> Forloeb { return std::move(fl); };
  fl.dates_unreadable = true;  // until the document is read
  if (!check_text(f, out)) return finish();
  auto doc = r.parse(f.bytes);
  if (!doc) return finish();
  if (doc->IsNull()) {
    r.error({1, 1}, "empty-file",
            std::string(tr("the file is empty; a forløb needs at least id, medarbejder and delmålgruppe",
                           "filen er tom; et forløb skal mindst have id, medarbejder og delmålgruppe")));
    return finish();
  }
  if (!doc->IsMap()) {
    r.error(pos_of(*doc), "wrong-type",
            std::string(tr("a forløb file must be a mapping of keys (id: ..., medarbejder: ...)",
                           "en forløbsfil skal være en mapping af nøgler (id: ..., medarbejder: ...)")));
    return finish();
  }
  fl.dates_unreadable = false;
  r.require(*doc, kRequired, {1, 1}, kTopKeys);
  r.each_key(*doc, kTopKeys, "", [&](const std::string& key, Pos kp, const yaml::Node& val) {
    if (key == "id")
      read_text_field(r, val, key, fl.id);
    else if (key == "medarbejder")
      read_text_field(r, val, key, fl.worker);
    else if (key == "delmålgruppe")
      read_text_field(r, val, key, fl.subgroup);
    else if (key == "kontakt" || key == "opstart") {
      Field<Date>& field = key == "kontakt" ? fl.contact : fl.start;
      read_date_field(r, val, key, field);
      if (!field && !val.IsNull()) fl.dates_unreadable = true;
    } else if (key == "indflytning")
      read_date_field(r, val, key, fl.move_in);
    else if (key == "tjekliste")
      read_checklist(r, val, fl);
    else if (key == "dokumentation")
      read_documentation(r, val, fl);
    else if (key == "peer_støtte")
      read_peer(r, val, fl);
    else if (key == "kontakter")
      read_contacts(r, val, fl);
    else if (key == "fokusområder")
      read_focus(r, val, fl);
    else if (key == "mål")
      read_goals(r, val, kp, fl);
    else if (key == "ansvar_forankret_hos")
      read_text_field(r, val, key, fl.anchored_role);
    else if (key == "afslutning")
      read_ending(r, val, fl);
    else if (key == "noter" && !val.IsNull()) {
      if (auto s = r.scalar(val, key)) {
        fl.notes = *s;
        items_in_notes(r, *s, kp);
      }
    }
  });
  return finish();
}

}  // namespace cti
