// Shared builders of the unit tests: dates, forløb, teams, loaded files and the
// results of edits and checks, so each test file states its case and nothing else.
//
//   Forloeb f = Case("K-1").worker("a").contact("2025-01-01").start("2025-02-01")
//                   .done("økonomi", "2025-03-01").doc(DocPoint::fase2, "2025-05-05")
//                   .end("2025-11-01", EndStatus::completed);
//   Project p = team({{"a", "Anna", 1.0}, {"b", "Bo", 0.5}});
//
// The unit tests are built as one unity batch in CI, so a helper two files both need
// belongs here, not copied into each.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/date.hpp"
#include "base/forloeb.hpp"
#include "base/lang.hpp"
#include "base/project.hpp"
#include "base/source.hpp"
#include "edit/edit.hpp"
#include "load/forloeb_loader.hpp"
#include "load/project_loader.hpp"

namespace cti::test {

// A date written as YYYY-MM-DD; a typo in a test fails that test.
inline Date D(const char* s) {
  auto d = parse_date(s);
  REQUIRE_MESSAGE(d.has_value(), s);
  return *d;
}

inline std::optional<Date> maybe_date(const char* s) {
  if (!s) return std::nullopt;
  return D(s);
}

// A forløb built field by field, as the loader would have read it (no positions).
class Case {
 public:
  explicit Case(const std::string& id) {
    f_.stem = id;
    f_.file = "forloeb/" + id + ".yaml";
    f_.id.set(id, {});
  }
  Case& worker(const std::string& w) { return f_.worker.set(w, {}), *this; }
  Case& subgroup(const std::string& g) { return f_.subgroup.set(g, {}), *this; }
  Case& contact(const char* d) { return d ? (f_.contact.set(D(d), {}), *this) : *this; }
  Case& start(const char* d) { return d ? (f_.start.set(D(d), {}), *this) : *this; }
  Case& move_in(const char* d) { return d ? (f_.move_in.set(D(d), {}), *this) : *this; }
  Case& done(const std::string& item, const char* d) {
    f_.checklist.push_back({item, D(d), false, {}});
    return *this;
  }
  Case& not_relevant(const std::string& item) {
    f_.checklist.push_back({item, std::nullopt, true, {}});
    return *this;
  }
  Case& doc(DocPoint p, const char* d) {
    f_.documentation.push_back({p, D(d), {}});
    return *this;
  }
  Case& end(const char* d, EndStatus s) {
    f_.ending.emplace();
    f_.ending->date.set(D(d), {});
    f_.ending->status.set(s, {});
    return *this;
  }
  // One held or not held contact in the kontakter log (which it switches on).
  Case& contact_entry(const char* d, const char* place = "hjemme", const char* status = nullptr) {
    Contact c;
    c.date.set(D(d), {});
    c.place.set(place, {});
    if (status) c.status.set(status, {});
    f_.contacts.push_back(c);
    f_.has_contact_log = true;
    return *this;
  }
  Case& peer_offered(const char* d) {
    if (!f_.peer) f_.peer.emplace();
    f_.peer->offered.set(D(d), {});
    return *this;
  }
  Forloeb& get() { return f_; }
  operator Forloeb() const { return f_; }  // NOLINT: a builder reads best without .build()

 private:
  Forloeb f_;
};

struct WorkerSpec {
  std::string id;
  std::string name;
  double fte = 1.0;
};

// A project with these workers (cti.yaml's other settings at their defaults).
inline Project team(const std::vector<WorkerSpec>& workers, const std::string& name = "Testprojekt") {
  Project p;
  p.name = name;
  for (const auto& w : workers) p.workers.push_back({w.id, w.name, w.fte, {}});
  return p;
}

// The head every forløb file of the loader tests starts with.
inline std::string case_head(const std::string& id = "K-0001", const std::string& worker = "mette",
                             const std::string& group = "egen-kommune") {
  return "id: " + id + "\nmedarbejder: " + worker + "\ndelmålgruppe: " + group + "\n";
}

// A forløb file read by the loader, with its diagnostics (messages in English).
struct LoadedCase {
  Forloeb f;
  Diagnostics ds;
};
inline LoadedCase load_case(const std::string& yaml, const std::string& path = "forloeb/K-0001.yaml") {
  i18n::set_lang(Lang::en);
  LoadedCase l;
  l.f = load_forloeb(SourceFile{path, yaml}, l.ds);
  return l;
}

// "rule@line:col" of each diagnostic, in order.
inline std::vector<std::string> rules_at(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.rule + "@" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col));
  return out;
}

// "rule@line:col" of the only diagnostic; fails when there is not exactly one.
inline std::string only(const Diagnostics& ds) {
  REQUIRE_MESSAGE(ds.size() == 1, (ds.empty() ? std::string("none") : format_diagnostic(ds.back())));
  return rules_at(ds).front();
}

// The new bytes of a successful edit (fails the test on a refusal or a no-op).
inline std::string edited(const edit::Result& r) {
  if (auto* no = std::get_if<edit::Refused>(&r)) FAIL_CHECK("refused: " << no->message);
  REQUIRE(std::holds_alternative<edit::Edited>(r));
  CHECK(std::get<edit::Edited>(r).changed);
  return std::get<edit::Edited>(r).bytes;
}

// The message of a refused edit (fails the test when the edit went through).
inline std::string refused(const edit::Result& r) {
  REQUIRE(std::holds_alternative<edit::Refused>(r));
  return std::get<edit::Refused>(r).message;
}

}  // namespace cti::test
