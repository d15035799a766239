// Appending a contact to the `kontakter:` log, on the bytes alone: a flow entry
// `- {dato: D, med: W, sted: P}` placed after the last contact on or before D.
#include <fmt/format.h>

#include "base/lang.hpp"
#include "edit/document.hpp"
#include "edit/edit.hpp"
#include "edit/place.hpp"

namespace cti::edit {

using i18n::tr;

namespace {

// The scalar value of `key` in an entry written as a mapping, else `fallback`.
std::string field(const YNode& entry, std::string_view key, std::string_view fallback) {
  const YNode* v = entry.is_map() ? entry.get(key) : nullptr;
  return v && v->kind == YNode::Kind::scalar ? v->value : std::string(fallback);
}

bool same_contact(const YNode& entry, const Contact& c) {
  return field(entry, "dato", "") == format_date(c.date) && field(entry, "med", "borger") == c.with &&
         field(entry, "sted", "") == c.where && field(entry, "status", "holdt") == c.status;
}

Refused by_hand(std::string_view en, std::string_view da) {
  return Refused{fmt::format(
      fmt::runtime(tr("'kontakter' {}; add the line by hand: {}", "'kontakter' {}; tilføj linjen i hånden: {}")),
      tr(en, da), "- {dato: ...}")};
}

}  // namespace

std::string contact_entry(const Contact& c) {
  std::string s = fmt::format("{{dato: {}, med: {}", format_date(c.date), c.with);
  if (!c.where.empty()) s += fmt::format(", sted: {}", c.where);
  if (c.status != "holdt") s += fmt::format(", status: {}", c.status);
  return s + "}";
}

namespace {

// add_contact on an opened document (its tree is not updated).
Result place_contact(Document& d, const Contact& c, bool force) {
  const std::string entry = "- " + contact_entry(c);
  const YNode* key = d.root.key_of("kontakter");
  if (!key) {
    int at = insertion_line(d, d.root, true, -1, d.lines(), key_order(), "kontakter");
    d.insert_lines(at, {"kontakter:", child_indent(d, nullptr) + entry});
    return Edited{d.bytes(), true, {}};
  }
  const YNode& log = *(key + 1);
  if (log.kind == YNode::Kind::null) {
    auto span = value_span(d.line(key->line));
    if (!span || span->begin != span->end)
      return by_hand("is written in a form cti does not edit", "er skrevet på en måde cti ikke retter i");
    d.insert_lines(key->line + 1, {child_indent(d, nullptr) + entry});
    return Edited{d.bytes(), true, {}};
  }
  if (log.kind == YNode::Kind::seq && log.flow)
    return by_hand("is written in flow style [...]", "er skrevet i flow-stil [...]");
  if (log.kind != YNode::Kind::seq) return by_hand("is not a list", "er ikke en liste");

  const int limit = top_block_end(d, "kontakter") + 1;
  const int n = static_cast<int>(log.kids.size());
  for (const auto& e : log.kids) {
    const int in = d.indent(e.line);
    std::string_view l = d.line(e.line);
    if (static_cast<std::size_t>(in) >= l.size() || l[in] != '-')
      return by_hand("has an entry cti cannot find the start of", "har et punkt cti ikke kan finde starten af");
    if (!force && same_contact(e, c)) return Edited{d.bytes(), false, {}};
  }
  int prev = -1, later = -1;
  for (int i = 0; i < n; ++i) {
    auto date = parse_date(field(log.kids[i], "dato", ""));
    if (date && *date <= c.date) prev = i;
    if (date && *date > c.date && later < 0) later = i;
  }
  int at;
  if (prev >= 0)
    at = d.block_end(log.kids[prev].line, prev + 1 < n ? log.kids[prev + 1].line : limit, false) + 1;
  else if (later >= 0)
    at = log.kids[later].line;
  else
    at = d.block_end(log.kids[n - 1].line, limit, false) + 1;
  const std::string indent(d.indent(log.kids.front().line), ' ');
  d.insert_lines(at, {indent + entry});
  return Edited{d.bytes(), true, {}};
}

}  // namespace

Result add_contact(const std::string& bytes, const Contact& c, bool force) {
  auto opened = open_document(bytes);
  if (auto* why = std::get_if<std::string>(&opened)) return Refused{*why};
  Document& d = std::get<Document>(opened);
  const YNode before = d.root;
  auto change = [&c](YNode& root) {
    const YNode* old = root.get("kontakter");
    YNode log = old && old->kind == YNode::Kind::seq ? *old : YNode{};
    log.kind = YNode::Kind::seq;
    YNode entry;
    set_child(entry, "dato", scalar_node(format_date(c.date)));
    set_child(entry, "med", scalar_node(c.with));
    if (!c.where.empty()) set_child(entry, "sted", scalar_node(c.where));
    if (c.status != "holdt") set_child(entry, "status", scalar_node(c.status));
    log.kids.push_back(std::move(entry));
    set_child(root, "kontakter", std::move(log));
  };
  return verified(before, place_contact(d, c, force), change, "- " + contact_entry(c));
}

}  // namespace cti::edit
