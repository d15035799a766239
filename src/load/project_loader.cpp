#include "load/project_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/ids.hpp"
#include "base/lang.hpp"
#include "base/linear_regex.hpp"
#include "load/text_checks.hpp"
#include "load/yaml_reader.hpp"

namespace cti {

using i18n::tr;

namespace {

// id_præfiks names files in forloeb/: it may not lead out of it (a '/' or '\\', '.' or
// '..', a leading '.', control characters).
bool safe_prefix(const std::string& p) {
  if (p == "." || p == ".." || (!p.empty() && p[0] == '.')) return false;
  for (unsigned char c : p)
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F) return false;
  return true;
}

void read_allowlist(YamlReader& r, const yaml::Node& v, Project& p) {
  if (!r.is_sequence(v, "cpr_tilladt")) return;
  for (const auto& item : v) {
    auto s = r.scalar(item, "cpr_tilladt");
    if (!s) continue;
    if (s->rfind("re:", 0) == 0) {
      // Run by a linear-time matcher (base/linear_regex): no backreferences or lookaround.
      std::string why;
      if (!privacy::LinearRegex::compile(std::string_view(*s).substr(3), &why).ok()) {
        r.error(pos_of(item), "invalid-value",
                fmt::format(fmt::runtime(tr("'cpr_tilladt': this 're:' pattern is not a valid regular expression ({})",
                                            "'cpr_tilladt': dette 're:'-mønster er ikke et gyldigt regulært udtryk "
                                            "({})")),
                            why));
        continue;
      }
    }
    p.cpr_allowed.push_back({*s, pos_of(item), true});
  }
}

const std::vector<std::string> kKeys = {"projekt",
                                        "id_præfiks",
                                        "caseload_pr_årsværk",
                                        "delmålgrupper",
                                        "medarbejdere",
                                        "indflytning_tidligst_måneder",
                                        "tjeklister",
                                        "sprog",
                                        "dokumentation_frist_dage",
                                        "kontakt_højst_dage",
                                        "kontaktlog",
                                        "områder",
                                        "roller",
                                        "cpr_tilladt",
                                        "cpr_opbevaring_kvartaler"};
const std::vector<std::string> kWorkerKeys = {"id", "navn", "årsværk", "kode"};
const std::vector<std::string> kItemKeys = {"id", "tekst"};
const std::vector<std::string> kStages = {"kontakt", "fase2", "fase3", "afslutning"};

void read_workers(YamlReader& r, const yaml::Node& v, Project& p) {
  if (!r.is_sequence(v, "medarbejdere")) return;
  if (v.size() == 0)
    r.error(pos_of(v), "invalid-value",
            std::string(
                tr("'medarbejdere' must list at least one worker", "'medarbejdere' skal nævne mindst én medarbejder")));
  for (const auto& w : v) {
    if (!r.is_mapping(w, "medarbejdere")) continue;
    Worker worker;
    worker.pos = pos_of(w);
    r.require(w, {"id"}, pos_of(w), kWorkerKeys);
    r.each_key(w, kWorkerKeys, "medarbejdere", [&](const std::string& key, Pos, const yaml::Node& val) {
      if (val.IsNull()) return;
      if (key == "id") {
        if (auto s = r.scalar(val, "medarbejdere.id")) worker.id = *s;
      } else if (key == "navn") {
        if (auto s = r.scalar(val, "medarbejdere.navn")) worker.name = *s;
      } else if (key == "kode") {
        auto s = r.scalar(val, "medarbejdere.kode");
        if (s && valid_worker_code(*s)) {
          worker.code = *s;
          worker.code_pos = pos_of(val);
        } else if (s) {
          r.error(pos_of(val), "invalid-value",
                  std::string(tr("'kode' must be 1-4 capital letters A-Z (the worker's part of new ids, K-MH-001)",
                                 "'kode' skal være 1-4 store bogstaver A-Z (medarbejderens del af nye id'er, "
                                 "K-MH-001)")));
        }
      } else if (auto n = r.number(val, "medarbejdere.årsværk")) {
        if (*n > 0 && *n <= 1)
          worker.fte = *n;
        else
          r.error(pos_of(val), "invalid-value",
                  std::string(tr("'årsværk' must be more than 0 and at most 1 (full time)",
                                 "'årsværk' skal være over 0 og højst 1 (fuld tid)")));
      }
    });
    if (!worker.id.empty()) p.workers.push_back(worker);
  }
}

void read_checklists(YamlReader& r, const yaml::Node& v, Project& p) {
  if (v.IsNull() || !r.is_mapping(v, "tjeklister")) return;
  r.each_key(v, {"tilføj", "fjern"}, "tjeklister", [&](const std::string& key, Pos, const yaml::Node& val) {
    if (val.IsNull()) return;
    if (key == "fjern") {
      if (!r.is_sequence(val, "tjeklister.fjern")) return;
      for (const auto& item : val)
        if (auto s = r.scalar(item, "tjeklister.fjern")) p.checklist_remove.push_back({*s, pos_of(item), true});
      return;
    }
    if (!r.is_mapping(val, "tjeklister.tilføj")) return;
    r.each_key(val, kStages, "tjeklister.tilføj", [&](const std::string& stage, Pos, const yaml::Node& items) {
      if (items.IsNull() || !r.is_sequence(items, "tjeklister.tilføj." + stage)) return;
      for (const auto& item : items) {
        if (!r.is_mapping(item, "tjeklister.tilføj." + stage)) continue;
        r.require(item, kItemKeys, pos_of(item), kItemKeys);
        ChecklistAddition add{{"", "", *parse_stage(stage)}, pos_of(item)};
        r.each_key(item, kItemKeys, "tjeklister.tilføj." + stage, [&](const std::string& k, Pos, const yaml::Node& x) {
          if (x.IsNull()) return;
          if (auto s = r.scalar(x, k)) (k == "id" ? add.item.id : add.item.text) = *s;
        });
        if (!add.item.id.empty()) p.checklist_add.push_back(add);
      }
    });
  });
}

// A whole number of days in [lo, hi], else [invalid-value] naming the key.
std::optional<int> whole_days(YamlReader& r, const yaml::Node& val, const std::string& key, int lo, int hi) {
  auto n = r.number(val, key);
  if (!n) return std::nullopt;
  if (*n >= lo && *n <= hi && std::floor(*n) == *n) return static_cast<int>(*n);
  r.error(pos_of(val), "invalid-value",
          fmt::format(fmt::runtime(tr("'{}' must be a whole number of days from {} to {}",
                                      "'{}' skal være et helt antal dage fra {} til {}")),
                      key, lo, hi));
  return std::nullopt;
}

void read_contact_log(YamlReader& r, const yaml::Node& v, Project& p) {
  if (!r.is_mapping(v, "kontaktlog")) return;
  const std::vector<std::string> phases = {"fase1", "fase2", "fase3"};
  r.require(v, phases, pos_of(v), phases);
  ContactLimits limits;
  int found = 0;
  r.each_key(v, phases, "kontaktlog", [&](const std::string& key, Pos, const yaml::Node& val) {
    if (val.IsNull()) return;
    if (auto n = whole_days(r, val, "kontaktlog." + key, 1, 366)) {
      (key == "fase1" ? limits.fase1 : key == "fase2" ? limits.fase2 : limits.fase3) = *n;
      ++found;
    }
  });
  if (found == 3) p.contact_log.set(limits, pos_of(v));
}

void read_words(YamlReader& r, const yaml::Node& v, const std::string& key, std::vector<Field<std::string>>& out) {
  if (!r.is_sequence(v, key)) return;
  for (const auto& w : v)
    if (auto s = r.scalar(w, key)) out.push_back({*s, pos_of(w), true});
}

}  // namespace

Project load_project(const SourceFile& f, Diagnostics& out) {
  Project p;
  p.file = f.path;
  YamlReader r(f.path, out);
  if (!check_text(f, out)) return p;
  auto doc = r.parse_remembered(f.bytes);  // parsed already for its sprog
  if (!doc) return p;
  if (!doc->IsMap()) {
    r.error(pos_of(*doc).line ? pos_of(*doc) : Pos{1, 1}, doc->IsNull() ? "empty-file" : "wrong-type",
            std::string(tr("cti.yaml must be a mapping with projekt, delmålgrupper and medarbejdere",
                           "cti.yaml skal være en mapping med projekt, delmålgrupper og medarbejdere")));
    return p;
  }
  r.require(*doc, {"projekt", "delmålgrupper", "medarbejdere"}, {1, 1}, kKeys);
  r.each_key(*doc, kKeys, "", [&](const std::string& key, Pos, const yaml::Node& val) {
    if (val.IsNull()) return;
    if (key == "projekt") {
      if (auto s = r.scalar(val, key)) p.name = *s;
    } else if (key == "id_præfiks") {
      if (auto s = r.scalar(val, key)) {
        p.id_prefix = *s;
        if (!safe_prefix(*s))
          r.error(pos_of(val), "invalid-value",
                  std::string(tr("'id_præfiks' may not hold '/', '\\' or control characters, nor start with '.': "
                                 "case files are created in forloeb/",
                                 "'id_præfiks' må ikke indeholde '/', '\\' eller kontroltegn eller starte med '.': "
                                 "forløbsfiler oprettes i forloeb/")));
        else if (id_could_hold_cpr(*s) || id_could_hold_cpr(*s + "0001"))
          r.error(pos_of(val), "cpr-shaped-id",
                  std::string(tr("'id_præfiks' holds something shaped like a CPR number (not shown): every id and "
                                 "file name cti new makes would carry it; choose letters, such as K-",
                                 "'id_præfiks' indeholder noget der ligner et CPR-nummer (vises ikke): hvert id og "
                                 "filnavn cti new laver, ville bære det; vælg bogstaver, fx K-")));
      }
    } else if (key == "caseload_pr_årsværk") {
      if (auto n = r.number(val, key)) {
        if (*n > 0 && *n <= 100)
          p.caseload_per_fte = *n;
        else
          r.error(pos_of(val), "invalid-value",
                  std::string(tr("'caseload_pr_årsværk' must be more than 0 and at most 100",
                                 "'caseload_pr_årsværk' skal være over 0 og højst 100")));
      }
    } else if (key == "delmålgrupper") {
      if (!r.is_sequence(val, key)) return;
      if (val.size() == 0)
        r.error(pos_of(val), "invalid-value",
                std::string(tr("'delmålgrupper' must list at least one delmålgruppe",
                               "'delmålgrupper' skal nævne mindst én delmålgruppe")));
      for (const auto& g : val)
        if (auto s = r.scalar(g, key)) p.subgroups.push_back({*s, pos_of(g), true});
    } else if (key == "medarbejdere") {
      read_workers(r, val, p);
    } else if (key == "indflytning_tidligst_måneder") {
      if (auto n = r.number(val, key)) {
        if (*n >= 0 && *n <= 12 && std::floor(*n) == *n)
          p.move_in_months.set(static_cast<int>(*n), pos_of(val));
        else
          r.error(pos_of(val), "invalid-value",
                  std::string(tr("'indflytning_tidligst_måneder' must be a whole number of months from 0 to 12",
                                 "'indflytning_tidligst_måneder' skal være et helt antal måneder fra 0 til 12")));
      }
    } else if (key == "cpr_tilladt") {
      read_allowlist(r, val, p);
    } else if (key == "cpr_opbevaring_kvartaler") {
      if (auto n = r.number(val, key)) {
        if (*n >= 0 && std::floor(*n) == *n)
          p.cpr_keep_quarters = static_cast<int>(std::min(*n, 40000.0));  // 10,000 years: forever
        else
          r.error(pos_of(val), "invalid-value",
                  std::string(tr("'cpr_opbevaring_kvartaler' must be a whole number of quarters, 0 or more",
                                 "'cpr_opbevaring_kvartaler' skal være et helt antal kvartaler, 0 eller flere")));
      }
    } else if (key == "tjeklister") {
      read_checklists(r, val, p);
    } else if (key == "kontaktlog") {
      read_contact_log(r, val, p);
    } else if (key == "dokumentation_frist_dage") {
      if (auto n = whole_days(r, val, key, 0, 366)) p.documentation_grace_days = *n;
    } else if (key == "kontakt_højst_dage") {
      if (auto n = whole_days(r, val, key, 1, 366)) p.contact_period_days = *n;
    } else if (key == "områder") {
      read_words(r, val, key, p.areas);
    } else if (key == "roller") {
      read_words(r, val, key, p.roles);
    } else if (key == "sprog") {
      if (auto s = r.scalar(val, key)) {
        if (auto l = i18n::parse_lang(*s))
          p.lang.set(*l, pos_of(val));
        else
          r.error(pos_of(val), "invalid-value",
                  fmt::format(
                      fmt::runtime(tr("'sprog' must be da or en, not {}", "'sprog' skal være da eller en, ikke {}")),
                      quote_value(*s)));
      }
    }
  });
  return p;
}

}  // namespace cti
