// Placing a new line at its canonical position, and setting one `key: value` line.
#include "edit/place.hpp"

#include <fmt/format.h>

#include <cstring>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"

namespace cti::edit {

using i18n::tr;

namespace {

struct Child {
  std::string_view name;
  int line;
  int rank;
  int end;
};

std::vector<Child> children(const Document& d, const YNode& map, int limit, const std::vector<std::string>& order) {
  std::vector<Child> out;
  for (std::size_t i = 0; i + 1 < map.kids.size(); i += 2)
    out.push_back({map.kids[i].value, map.kids[i].line, rank_of(order, map.kids[i].value), 0});
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].end = d.block_end(out[i].line, i + 1 < out.size() ? out[i + 1].line : limit, true);
  return out;
}

// A commented-out top-level template line for `key` ("# key:" or "#key:") in [from, to), else -1.
int hint_line(const Document& d, std::string_view key, int from, int to) {
  for (int i = std::max(from, 0); i < to && i < d.lines(); ++i) {
    std::string_view l = d.line(i);
    if (l.empty() || l[0] != '#') continue;
    l.remove_prefix(1);
    if (!l.empty() && l[0] == ' ') l.remove_prefix(1);  // "# key:" (deeper: a nested key's hint)
    std::size_t colon = l.find(':');
    if (colon != std::string_view::npos && same_key(l.substr(0, colon), key)) return i;
  }
  return -1;
}

Refused by_hand(const std::string& label, std::string_view what_en, std::string_view what_da) {
  return Refused{privacy::redact(fmt::format(
      fmt::runtime(tr("'{}' {}; write it as one 'key: value' per line by hand, then run the command again",
                      "'{}' {}; skriv den som én 'nøgle: værdi' pr. linje i hånden og kør så kommandoen igen")),
      label, tr(what_en, what_da)))};
}

// "[a, b]": a flow list of scalars as the messages show it.
std::string list_text(const YNode& v) {
  std::string out = "[";
  for (const auto& k : v.kids) out += (out.size() > 1 ? ", " : "") + k.value;
  return out + "]";
}

// update() for a flow list value (SetValue::is_list).
Result update_list(Document& d, const YNode& k, const YNode& v, const SetValue& s, const std::string& label) {
  if (v.kind == YNode::Kind::map) return by_hand(label, "holds a mapping", "rummer en mapping");
  if (v.kind == YNode::Kind::seq && (!v.flow || v.line != k.line || d.reach[k.line] != k.line))
    return by_hand(label, "is a list not written on one line as [...]",
                   "er en liste der ikke står på én linje som [...]");
  std::optional<ValueSpan> span = value_span(d.line(k.line));
  if (!span || (v.kind == YNode::Kind::scalar && v.line != k.line))
    return by_hand(label, "has its value on another line", "har sin værdi på en anden linje");
  std::string old;
  if (v.kind == YNode::Kind::seq) {
    bool same = v.kids.size() == s.list.size();
    for (std::size_t i = 0; i < v.kids.size(); ++i) {
      if (v.kids[i].kind != YNode::Kind::scalar)
        return by_hand(label, "holds a list or mapping", "rummer en liste eller mapping");
      same = same && v.kids[i].value == s.list[i];
    }
    old = list_text(v);
    if (same) return Edited{d.bytes(), false, old};
  } else if (v.kind == YNode::Kind::scalar) {
    old = v.value;
  }
  if (v.kind != YNode::Kind::null && !s.force) return already_different(label, old, s.text, true);
  std::string text = s.text;
  if (span->begin == span->end) text = " " + text;
  d.replace_in_line(k.line, span->begin, span->end, text);
  return Edited{d.bytes(), true, old};
}

Result update(Document& d, const YNode& k, const YNode& v, const SetValue& s, const std::string& label) {
  if (s.is_list) return update_list(d, k, v, s, label);
  if (v.kind == YNode::Kind::map || v.kind == YNode::Kind::seq)
    return by_hand(label, "holds a list or mapping", "rummer en liste eller mapping");
  std::optional<ValueSpan> span = value_span(d.line(k.line));
  if (!span || (v.kind == YNode::Kind::scalar && v.line != k.line))
    return by_hand(label, "has its value on another line", "har sin værdi på en anden linje");
  std::string_view cur = d.line(k.line).substr(span->begin, span->end - span->begin);
  if (!cur.empty() && std::strchr("|>[{&*!%@`", cur[0]))
    return by_hand(label, "is written in a form cti does not edit", "er skrevet på en måde cti ikke retter i");
  if (v.kind == YNode::Kind::scalar) {
    if (v.value == s.value) return Edited{d.bytes(), false, v.value};
    if (!s.force) return already_different(label, v.value, s.value, s.plain);
  }
  std::string text = s.plain ? (span->quote ? std::string(1, span->quote) + s.value + span->quote : s.value) : s.text;
  if (span->begin == span->end) text = " " + text;
  d.replace_in_line(k.line, span->begin, span->end, text);
  return Edited{d.bytes(), true, v.kind == YNode::Kind::scalar ? v.value : std::string()};
}

}  // namespace

int rank_of(const std::vector<std::string>& order, std::string_view key) {
  for (std::size_t i = 0; i < order.size(); ++i)
    if (same_key(order[i], key)) return static_cast<int>(i);
  return -1;
}

int insertion_line(const Document& d, const YNode& map, bool top, int key_line, int limit,
                   const std::vector<std::string>& order, std::string_view key) {
  const std::vector<Child> kids = children(d, map, limit, order);
  const int k = rank_of(order, key);
  const int n = static_cast<int>(kids.size());
  int prev = -1, next = -1;
  for (int i = 0; i < n && k >= 0; ++i) {
    if (kids[i].rank >= 0 && kids[i].rank < k) prev = i;
    if (kids[i].rank > k && next < 0) next = i;
  }
  int at, gap_from, gap_to;
  if (prev >= 0) {
    at = gap_from = kids[prev].end + 1;
    gap_to = prev + 1 < n ? kids[prev + 1].line : limit;
  } else if (next >= 0) {
    at = gap_to = kids[next].line;
    gap_from = next > 0 ? kids[next - 1].end + 1 : 0;
  } else {
    at = gap_from = n > 0 ? kids[n - 1].end + 1 : key_line + 1;
    gap_to = limit;
  }
  if (top) {
    if (int h = hint_line(d, key, gap_from, gap_to); h >= 0) at = h;
  }
  return at;
}

std::string child_indent(const Document& d, const YNode* map) {
  if (map && !map->kids.empty()) return std::string(d.indent(map->kids.front().line), ' ');
  for (std::size_t i = 1; i < d.root.kids.size(); i += 2) {
    const YNode& v = d.root.kids[i];
    if (v.is_map() && !v.flow && !v.kids.empty() && d.indent(v.kids.front().line) > 0)
      return std::string(d.indent(v.kids.front().line), ' ');
  }
  return "  ";
}

int top_block_end(const Document& d, std::string_view key) {
  const auto& kids = d.root.kids;
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (!same_key(kids[i].value, key)) continue;
    int limit = i + 2 < kids.size() ? kids[i + 2].line : d.lines();
    return d.block_end(kids[i].line, limit, true);
  }
  return -1;
}

Refused already_different(const std::string& label, const std::string& old, const std::string& now, bool show) {
  if (!show)
    return Refused{fmt::format(fmt::runtime(tr("{} is already recorded with another text; use --force to replace it",
                                               "{} er allerede registreret med en anden tekst; brug --force for at "
                                               "erstatte den")),
                               label)};
  return Refused{privacy::redact(
      fmt::format(fmt::runtime(tr("{} is already recorded as {}; use --force to replace it with {}",
                                  "{} er allerede registreret som {}; brug --force for at erstatte det med {}")),
                  label, old.empty() ? "''" : old, now))};
}

namespace {

// set_value on an opened document (its tree is not updated).
Result place_value(Document& d, const SetValue& s) {
  const std::string label = s.block.empty() ? s.key : s.block + "." + s.key;
  const std::string text = s.plain ? s.value : s.text;
  const YNode* map = &d.root;
  int key_line = -1, limit = d.lines();
  if (!s.block.empty()) {
    const YNode* bk = d.root.key_of(s.block);
    if (!bk) {
      int at = insertion_line(d, d.root, true, -1, d.lines(), key_order(), s.block);
      d.insert_lines(at, {s.block + ":", child_indent(d, nullptr) + s.key + ": " + text});
      return Edited{d.bytes(), true, {}};
    }
    const YNode& bv = *(bk + 1);
    key_line = bk->line;
    if (bv.kind == YNode::Kind::null) {
      auto span = value_span(d.line(key_line));
      if (!span || span->begin != span->end)
        return by_hand(s.block, "is written in a form cti does not edit", "er skrevet på en måde cti ikke retter i");
      d.insert_lines(key_line + 1, {child_indent(d, nullptr) + s.key + ": " + text});
      return Edited{d.bytes(), true, {}};
    }
    if (bv.is_map() && bv.flow)
      return by_hand(s.block, "is written in flow style {...}", "er skrevet i flow-stil {...}");
    if (!bv.is_map()) return by_hand(s.block, "is not a mapping", "er ikke en mapping");
    map = &bv;
    limit = top_block_end(d, s.block) + 1;
  }
  if (const YNode* k = map->key_of(s.key)) return update(d, *k, *(k + 1), s, label);
  const bool top = s.block.empty();
  int at = insertion_line(d, *map, top, key_line, limit, s.order, s.key);
  d.insert_lines(at, {(top ? std::string() : child_indent(d, map)) + s.key + ": " + text});
  return Edited{d.bytes(), true, {}};
}

}  // namespace

Result set_value(const std::string& bytes, const SetValue& s) {
  auto opened = open_document(bytes);
  if (auto* why = std::get_if<std::string>(&opened)) return Refused{*why};
  Document& d = std::get<Document>(opened);
  const YNode before = d.root;
  auto change = [&s](YNode& root) {
    YNode* target = &root;
    if (!s.block.empty()) {
      const YNode* b = root.get(s.block);
      YNode block = b && b->is_map() ? *b : YNode{};
      block.kind = YNode::Kind::map;
      target = &set_child(root, s.block, std::move(block));
    }
    if (!s.is_list) {
      set_child(*target, s.key, scalar_node(s.value));
      return;
    }
    YNode list;
    list.kind = YNode::Kind::seq;
    for (const auto& item : s.list) list.kids.push_back(scalar_node(item));
    set_child(*target, s.key, std::move(list));
  };
  return verified(before, place_value(d, s), change, s.key + ": " + (s.plain ? s.value : s.text));
}

}  // namespace cti::edit
