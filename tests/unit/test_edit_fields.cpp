// edit/: the edits of plan, goal, peer, assign and set: a focus-area list replaced on its
// one line, goals in flow and block entries, and the layouts refused rather than guessed.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "edit/edit.hpp"

namespace cti::test::edit_fields {

const std::string kFile =
    "id: K-0001\n"
    "medarbejder: mette  # kept\n"
    "delmålgruppe: egen-kommune\n"
    "fokusområder:\n"
    "  fase1: [bolig]   # the plan\n"
    "mål:\n"
    "  - {område: bolig}  # first\n"
    "  - område: netværk\n"
    "noter: x\n";

TEST_CASE("a phase's focus areas: replaced on their line with force, added in phase order") {
  i18n::set_lang(Lang::en);
  auto same = edit::set_focus_areas(kFile, 1, {"bolig"}, false);
  CHECK(!std::get<edit::Edited>(same).changed);
  CHECK(std::holds_alternative<edit::Refused>(edit::set_focus_areas(kFile, 1, {"økonomi"}, false)));
  std::string after = edited(edit::set_focus_areas(kFile, 1, {"bolig", "økonomi"}, true));
  CHECK(after.find("  fase1: [bolig, økonomi]   # the plan\nmål:") != std::string::npos);
  std::string two = edited(edit::set_focus_areas(kFile, 2, {"netværk"}, false));
  CHECK(two.find("  fase1: [bolig]   # the plan\n  fase2: [netværk]\nmål:") != std::string::npos);
  const std::string block = "id: K-0001\nfokusområder:\n  fase1:\n    - bolig\n";
  CHECK(std::holds_alternative<edit::Refused>(edit::set_focus_areas(block, 1, {"netværk"}, true)));
}

TEST_CASE("goals: reached in a flow entry and a block entry, added at the end, removed") {
  i18n::set_lang(Lang::en);
  const Date d = *parse_date("2026-11-02");
  std::string flow = edited(edit::edit_goal(kFile, {"bolig", d, false}, false));
  CHECK(flow.find("  - {område: bolig, nået: 2026-11-02}  # first\n") != std::string::npos);
  std::string block = edited(edit::edit_goal(kFile, {"netværk", d, false}, false));
  CHECK(block.find("  - område: netværk\n    nået: 2026-11-02\nnoter: x\n") != std::string::npos);
  std::string added = edited(edit::edit_goal(kFile, {"økonomi", std::nullopt, false}, false));
  CHECK(added.find("  - område: netværk\n  - {område: økonomi}\nnoter: x\n") != std::string::npos);
  std::string removed = edited(edit::edit_goal(kFile, {"bolig", std::nullopt, true}, false));
  CHECK(removed.find("mål:\n  - område: netværk\nnoter: x\n") != std::string::npos);
  CHECK(std::holds_alternative<edit::Refused>(edit::edit_goal(kFile, {"økonomi", std::nullopt, true}, false)));
  std::string again = edited(edit::edit_goal(flow, {"bolig", *parse_date("2026-11-03"), false}, true));
  CHECK(again.find("  - {område: bolig, nået: 2026-11-03}  # first\n") != std::string::npos);
  CHECK(
      std::holds_alternative<edit::Refused>(edit::edit_goal(flow, {"bolig", *parse_date("2026-11-03"), false}, false)));
}

TEST_CASE("a single value: the worker replaced in place, a peer step in its block's order") {
  i18n::set_lang(Lang::en);
  std::string w = edited(edit::set_field(kFile, "", "medarbejder", "jonas", true));
  CHECK(w.find("medarbejder: jonas  # kept\n") != std::string::npos);
  CHECK(w.size() == kFile.size());
  std::string p = edited(edit::set_field(kFile, "peer_støtte", "tilknyttet", "2026-11-02", false));
  p = edited(edit::set_field(p, "peer_støtte", "tilbudt", "2026-11-01", false));
  CHECK(p.find("peer_støtte:\n  tilbudt: 2026-11-01\n  tilknyttet: 2026-11-02\nfokusområder:") != std::string::npos);
}

}  // namespace cti::test::edit_fields
