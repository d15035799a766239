// The long-term plan's goals (mål) on the bytes alone: a goal added at the end of the
// list as a flow entry `- {område: A}`, its `nået` date set (in a flow entry on one line
// or a block entry), or its entry removed. One goal per area.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "edit/document.hpp"
#include "edit/edit.hpp"
#include "edit/place.hpp"

namespace cti::edit {

using i18n::tr;

namespace {

std::string goal_entry(const std::string& area, const std::optional<Date>& reached) {
  std::string s = "{område: " + area;
  if (reached) s += ", nået: " + format_date(*reached);
  return s + "}";
}

std::string area_of(const YNode& entry) {
  const YNode* v = entry.is_map() ? entry.get("område") : nullptr;
  return v && v->kind == YNode::Kind::scalar ? v->value : std::string();
}

Refused by_hand(std::string_view en, std::string_view da, const std::string& line) {
  return Refused{fmt::format(fmt::runtime(tr("'mål' {}; change it by hand: {}", "'mål' {}; ret det i hånden: {}")),
                             tr(en, da), line)};
}

// The goal of `area` in the list, or -1; -2 when two entries name it.
int find_goal(const YNode& list, const std::string& area) {
  int found = -1;
  for (std::size_t i = 0; i < list.kids.size(); ++i)
    if (area_of(list.kids[i]) == area) {
      if (found >= 0) return -2;
      found = static_cast<int>(i);
    }
  return found;
}

// A new goal at the end of the list (the block created at its template place when absent).
Result add_goal(Document& d, const GoalEdit& g, const YNode* key) {
  const std::string entry = "- " + goal_entry(g.area, g.reached);
  if (!key) {
    int at = insertion_line(d, d.root, true, -1, d.lines(), key_order(), "mål");
    d.insert_lines(at, {"mål:", child_indent(d, nullptr) + entry});
    return Edited{d.bytes(), true, {}};
  }
  const YNode& list = *(key + 1);
  if (list.kind == YNode::Kind::null) {
    auto span = value_span(d.line(key->line));
    if (!span || span->begin != span->end)
      return by_hand("is written in a form cti does not edit", "er skrevet på en måde cti ikke retter i", entry);
    d.insert_lines(key->line + 1, {child_indent(d, nullptr) + entry});
    return Edited{d.bytes(), true, {}};
  }
  const int limit = top_block_end(d, "mål") + 1;
  const YNode& last = list.kids.back();
  const int at = d.block_end(last.line, limit, false) + 1;
  d.insert_lines(at, {std::string(d.indent(last.line), ' ') + entry});
  return Edited{d.bytes(), true, {}};
}

// nået of an existing goal entry.
Result reach_goal(Document& d, const GoalEdit& g, const YNode& entry, int entry_end, bool force) {
  const std::string date = format_date(*g.reached);
  const std::string label = "mål " + g.area;
  const YNode* k = entry.key_of("nået");
  if (k && (k + 1)->kind == YNode::Kind::scalar) {
    const std::string old = (k + 1)->value;
    if (old == date) return Edited{d.bytes(), false, old};
    if (!force) return already_different(label + " nået", old, date, true);
  }
  const std::string line = "- " + goal_entry(g.area, g.reached);
  if (entry.flow) {  // - {område: A[, nået: D]} on one line: the braces written anew
    const int l = entry.line;
    if (d.reach[l] != l || entry_end != l)
      return by_hand("has an entry spread over several lines", "har et punkt fordelt over flere linjer", line);
    const std::size_t from = static_cast<std::size_t>(entry.pos) - d.starts[l];
    const std::size_t to = d.line(l).find('}', from);
    if (to == std::string_view::npos || d.line(l).substr(from, to - from).find_first_of("\"'#") != std::string::npos)
      return by_hand("has an entry written in a form cti does not edit",
                     "har et punkt skrevet på en måde cti ikke "
                     "retter i",
                     line);
    std::string old = k ? (k + 1)->value : std::string();
    d.replace_in_line(l, from, to + 1, goal_entry(g.area, g.reached));
    return Edited{d.bytes(), true, old};
  }
  if (k) {  // block entry with nået: its value replaced
    const YNode& v = *(k + 1);
    auto span = value_span(d.line(k->line));
    if (!span || v.kind != YNode::Kind::scalar || v.line != k->line || span->quote)
      return by_hand("has an entry written in a form cti does not edit",
                     "har et punkt skrevet på en måde cti ikke retter i", line);
    d.replace_in_line(k->line, span->begin, span->end, date);
    return Edited{d.bytes(), true, v.value};
  }
  // block entry without nået: a line below its last one, at the column of its keys
  const YNode& first = entry.kids.front();
  const std::size_t column = static_cast<std::size_t>(first.pos) - d.starts[first.line];
  d.insert_lines(entry_end + 1, {std::string(column, ' ') + "nået: " + date});
  return Edited{d.bytes(), true, {}};
}

Result place_goal(Document& d, const GoalEdit& g, bool force) {
  const YNode* key = d.root.key_of("mål");
  const YNode* list = key ? key + 1 : nullptr;
  if (list && list->kind == YNode::Kind::seq && list->flow)
    return by_hand("is written in flow style [...]", "er skrevet i flow-stil [...]",
                   "- " + goal_entry(g.area, g.reached));
  if (list && list->kind != YNode::Kind::seq && list->kind != YNode::Kind::null)
    return by_hand("is not a list", "er ikke en liste", "- " + goal_entry(g.area, g.reached));
  const int i = list && list->kind == YNode::Kind::seq ? find_goal(*list, g.area) : -1;
  if (i == -2)
    return Refused{fmt::format(fmt::runtime(tr("mål names {} twice; remove one of them by hand",
                                               "mål nævner {} to gange; slet det ene i hånden")),
                               g.area)};
  if (i < 0) {
    if (g.remove)
      return Refused{fmt::format(fmt::runtime(tr("there is no goal {} in mål", "der er intet mål {} i mål")), g.area)};
    return add_goal(d, g, key);
  }
  const YNode& entry = list->kids[i];
  const int limit = i + 1 < static_cast<int>(list->kids.size()) ? list->kids[i + 1].line : top_block_end(d, "mål") + 1;
  const int end = d.block_end(entry.line, limit, false);
  if (g.remove) {
    const std::string_view l = d.line(entry.line);
    const std::size_t in = static_cast<std::size_t>(d.indent(entry.line));
    if (in >= l.size() || l[in] != '-' || (entry.line == key->line))
      return by_hand("has an entry cti cannot find the start of", "har et punkt cti ikke kan finde starten af", "");
    d.erase_lines(entry.line, end);
    return Edited{d.bytes(), true, {}};
  }
  if (!g.reached) return Edited{d.bytes(), false, {}};  // the goal is there already
  return reach_goal(d, g, entry, end, force);
}

}  // namespace

Result edit_goal(const std::string& bytes, const GoalEdit& g, bool force) {
  auto opened = open_document(bytes);
  if (auto* why = std::get_if<std::string>(&opened)) return Refused{*why};
  Document& d = std::get<Document>(opened);
  const YNode before = d.root;
  auto change = [&g](YNode& root) {
    const YNode* old = root.get("mål");
    YNode list = old && old->kind == YNode::Kind::seq ? *old : YNode{};
    list.kind = YNode::Kind::seq;
    int i = find_goal(list, g.area);
    if (g.remove && i >= 0) {
      list.kids.erase(list.kids.begin() + i);
      if (list.kids.empty()) list.kind = YNode::Kind::null;
    } else if (i >= 0) {
      set_child(list.kids[i], "nået", scalar_node(format_date(*g.reached)));
    } else {
      YNode entry;
      set_child(entry, "område", scalar_node(g.area));
      if (g.reached) set_child(entry, "nået", scalar_node(format_date(*g.reached)));
      list.kids.push_back(std::move(entry));
    }
    set_child(root, "mål", std::move(list));
  };
  return verified(before, place_goal(d, g, force), change, "- " + goal_entry(g.area, g.reached));
}

}  // namespace cti::edit
