// Shared builders of the unit tests: dates, forløb, teams, loaded files and the
// results of edits and checks, so each test file states its case and nothing else.
//
//   Forloeb f = Case("K-1").worker("a").contact("2025-01-01").start("2025-02-01")
//                   .done("økonomi", "2025-03-01").doc(DocPoint::fase2, "2025-05-05")
//                   .end("2025-11-01", EndStatus::completed);
//   end(f, "2025-06-01", EndStatus::interrupted);  // the same records on a built forløb
//   Project p = team({{"a", "Anna", 1.0}, {"b", "Bo", 0.5}});
//
// The unit tests are built as one unity batch in CI, so a helper two files both need
// belongs here, not copied into each. Each test_<layer>_<unit>.cpp puts its tests and
// its own helpers in `namespace cti::test::<layer>_<unit>`, where these builders, cti's
// names and its own using-directives are in scope without reaching the next file.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
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

// A date written as YYYY-MM-DD; a typo in a test fails that test. Not an assertion of
// its own: a good date adds nothing to the assertion count.
inline Date D(const char* s) {
  auto d = parse_date(s);
  if (!d) FAIL("not a YYYY-MM-DD date: " << s);
  return *d;
}

inline std::optional<Date> maybe_date(const char* s) {
  if (!s) return std::nullopt;
  return D(s);
}

// Recording on a forløb already built, for a test that records step by step (the
// builder below does the same on a new one).
inline void done(Forloeb& f, const std::string& item, const char* d) {
  f.checklist.push_back({item, D(d), false, {}});
}
inline void not_relevant(Forloeb& f, const std::string& item) {
  f.checklist.push_back({item, std::nullopt, true, {}});
}
inline void doc(Forloeb& f, DocPoint p, const char* d) {
  f.documentation.push_back({p, D(d), {}});
}
inline void end(Forloeb& f, const char* d, EndStatus s) {
  f.ending.emplace();
  f.ending->date.set(D(d), {});
  f.ending->status.set(s, {});
}
// One held (or, with a status, not held) contact in the kontakter log, which it switches
// on; a null place leaves sted unwritten.
inline void contact_entry(Forloeb& f, Date d, const char* place = "hjemme", const char* status = nullptr) {
  Contact c;
  c.date.set(d, {});
  if (place) c.place.set(place, {});
  if (status) c.status.set(status, {});
  f.contacts.push_back(c);
  f.has_contact_log = true;
}
inline void contact_entry(Forloeb& f, const char* d, const char* place = "hjemme", const char* status = nullptr) {
  contact_entry(f, D(d), place, status);
}
inline void peer_offered(Forloeb& f, const char* d) {
  if (!f.peer) f.peer.emplace();
  f.peer->offered.set(D(d), {});
}

// A forløb built field by field, as the loader would have read it (no positions). A null
// date leaves the field unwritten.
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
  Case& done(const std::string& item, const char* d) { return test::done(f_, item, d), *this; }
  Case& not_relevant(const std::string& item) { return test::not_relevant(f_, item), *this; }
  Case& doc(DocPoint p, const char* d) { return test::doc(f_, p, d), *this; }
  Case& end(const char* d, EndStatus s) { return test::end(f_, d, s), *this; }
  Case& contact_entry(const char* d, const char* place = "hjemme", const char* status = nullptr) {
    return test::contact_entry(f_, d, place, status), *this;
  }
  // The kontakter key written, with no contact in it yet.
  Case& contact_log() { return f_.has_contact_log = true, *this; }
  Case& peer_offered(const char* d) { return test::peer_offered(f_, d), *this; }
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
  for (const auto& w : workers) p.workers.push_back({w.id, w.name, w.fte, {}, {}, {}});
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

// A contact for edit::add_contact: with the borger, at home, held, unless told otherwise.
inline edit::Contact edit_contact(const char* date, std::string with = "borger", std::string where = "hjemme",
                                  std::string status = "holdt") {
  return {D(date), std::move(with), std::move(where), std::move(status)};
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

// A fresh directory under the system's temporary folder, removed with everything in it
// when the test is done: put() writes a file (making its folders), names() lists one.
class Scratch {
 public:
  explicit Scratch(const std::string& what = "unit") {
    std::string pattern = (std::filesystem::temp_directory_path() / ("cti-" + what + "-XXXXXX")).string();
    REQUIRE_MESSAGE(::mkdtemp(pattern.data()) != nullptr, pattern);
    root = pattern;
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::filesystem::path operator/(const std::string& rel) const { return root / rel; }
  void put(const std::string& rel, const std::string& bytes) const {
    std::filesystem::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << bytes;
  }
  std::set<std::string> names(const std::string& rel = "") const {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(rel.empty() ? root : root / rel))
      out.insert(e.path().filename().string());
    return out;
  }

  std::filesystem::path root;
};

}  // namespace cti::test
