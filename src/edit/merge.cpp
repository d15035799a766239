// The record merge of a forløb file (see merge.hpp): their changes since the base,
// applied to ours with the recording edits; disagreements marked for a person.
#include "edit/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/lang.hpp"
#include "edit/document.hpp"
#include "edit/edit.hpp"
#include "edit/place.hpp"

namespace cti::edit {

using i18n::tr;

namespace {

// A subtree as one comparable string (styles and comments play no part).
std::string canon(const YNode* n) {
  if (!n) return "~absent";
  switch (n->kind) {
    case YNode::Kind::null:
      return "~";
    case YNode::Kind::scalar:
      return "'" + n->value + "'";
    case YNode::Kind::map: {
      std::map<std::string, std::string> kv;
      for (std::size_t i = 0; i + 1 < n->kids.size(); i += 2) kv[key_form(n->kids[i].value)] = canon(&n->kids[i + 1]);
      std::string s = "{";
      for (const auto& [k, v] : kv) s += k + ":" + v + ",";
      return s + "}";
    }
    case YNode::Kind::seq: {
      std::string s = "[";
      for (const auto& k : n->kids) s += canon(&k) + ",";
      return s + "]";
    }
  }
  return {};
}

const YNode* child(const YNode& map, std::string_view key) {
  return map.is_map() ? map.get(key) : nullptr;
}

std::string scalar(const YNode* n) {
  return n && n->kind == YNode::Kind::scalar ? n->value : std::string();
}

// The keys of a mapping (composed), in file order.
std::vector<std::string> keys_of(const YNode* n) {
  std::vector<std::string> out;
  if (n && n->is_map())
    for (std::size_t i = 0; i + 1 < n->kids.size(); i += 2) out.push_back(key_form(n->kids[i].value));
  return out;
}

std::multiset<std::string> entries(const YNode* seq) {
  std::multiset<std::string> out;
  if (seq && seq->kind == YNode::Kind::seq)
    for (const auto& e : seq->kids) out.insert(canon(&e));
  return out;
}

// A conflict to mark: ours' lines [first, last] against their lines, under a comment.
struct Mark {
  std::string top, key;  // "tjekliste", "økonomi" (key empty: the whole top-level block)
  std::string comment;
};

struct Merger {
  Document base, ours, theirs;
  std::string bytes;  // ours with their records applied so far
  std::vector<Mark> marks;
  bool ok = true;

  void apply(const Result& r) {
    if (const auto* e = std::get_if<Edited>(&r))
      bytes = e->bytes;
    else
      ok = false;
  }

  std::string id() const { return scalar(child(ours.root, "id")); }

  void disagree(const std::string& top, const std::string& key, const std::string& what, const std::string& vo,
                const std::string& vt, const std::string& settle) {
    marks.push_back({top, key,
                     fmt::format(fmt::runtime(tr("# cti: {} has two values: {} (ours) and {} (theirs); keep the "
                                                 "right line, delete the other and the markers ({}), then git add",
                                                 "# cti: {} har to værdier: {} (vores) og {} (deres); behold den "
                                                 "rigtige linje, slet den anden og markeringerne ({}), og kør git "
                                                 "add")),
                                 what, vo.empty() ? "-" : vo, vt.empty() ? "-" : vt, settle)});
  }

  // kontakter: every entry theirs added that ours lacks, placed by date.
  void contacts() {
    const YNode* tb = child(base.root, "kontakter");
    const YNode* to = child(ours.root, "kontakter");
    const YNode* tt = child(theirs.root, "kontakter");
    auto in_base = entries(tb), in_ours = entries(to);
    if (!tt || tt->kind != YNode::Kind::seq) {
      if (canon(tt) != canon(tb)) ok = false;  // removed or rewritten on their side
      return;
    }
    for (const auto& b : in_base)
      if (!entries(tt).count(b)) ok = false;  // a contact changed or removed: a line merge
    for (const auto& e : tt->kids) {
      const std::string c = canon(&e);
      if (auto it = in_base.find(c); it != in_base.end()) {
        in_base.erase(it);
        continue;
      }
      if (auto it = in_ours.find(c); it != in_ours.end()) {
        in_ours.erase(it);
        continue;
      }
      if (!e.is_map()) return void(ok = false);
      for (const auto& k : keys_of(&e))
        if (k != "dato" && k != "med" && k != "sted" && k != "status") return void(ok = false);
      auto date = parse_date(scalar(e.get("dato")));
      if (!date) return void(ok = false);
      Contact k{*date, e.get("med") ? scalar(e.get("med")) : "borger", scalar(e.get("sted")),
                e.get("status") ? scalar(e.get("status")) : "holdt"};
      apply(add_contact(bytes, k, true));
    }
  }

  // A mapping of scalars (tjekliste, dokumentation): their changed values.
  template <typename Set>
  void scalars(const std::string& top, Set set, const std::string& settle_fmt) {
    const YNode* mb = child(base.root, top);
    const YNode* mo = child(ours.root, top);
    const YNode* mt = child(theirs.root, top);
    if (!mt) {
      if (mb) ok = false;  // removed on their side: a line merge
      return;
    }
    for (const auto& k : keys_of(mb))
      if (!child(*mt, k)) ok = false;  // an entry removed on their side
    if (mb && !mo) ok = false;
    const std::vector<std::string> order = keys_of(mt);
    for (const auto& k : order) {
      const std::string vt = canon(child(*mt, k)), vb = mb ? canon(child(*mb, k)) : "~absent";
      const std::string vo = mo ? canon(child(*mo, k)) : "~absent";
      if (vt == vb || vt == vo) continue;
      if (child(*mt, k)->kind != YNode::Kind::scalar) return void(ok = false);
      if (vo == vb) {
        set(k, scalar(child(*mt, k)), order);
        continue;
      }
      disagree(top, k, top + " " + k, scalar(child(*mo, k)), scalar(child(*mt, k)),
               fmt::format(fmt::runtime(settle_fmt), id(), k));
    }
  }

  void top_scalar(const std::string& key) {
    const std::string vb = canon(child(base.root, key)), vo = canon(child(ours.root, key)),
                      vt = canon(child(theirs.root, key));
    if (vt == vb || vt == vo) return;
    auto date = parse_date(scalar(child(theirs.root, key)));
    if (vo != vb) {
      disagree(key, "", key, scalar(child(ours.root, key)), scalar(child(theirs.root, key)),
               fmt::format("cti start {} --date D --force", id()));
      return;
    }
    if (!date) return void(ok = false);
    apply(set_start(bytes, *date, true));
  }

  void ending() {
    const YNode* eb = child(base.root, "afslutning");
    const YNode* eo = child(ours.root, "afslutning");
    const YNode* et = child(theirs.root, "afslutning");
    if (canon(et) == canon(eb) || canon(et) == canon(eo)) return;
    auto describe = [](const YNode* e) {
      return e ? scalar(child(*e, "dato")) + " " + scalar(child(*e, "status")) : std::string();
    };
    if (canon(eo) != canon(eb))
      return disagree("afslutning", "", "afslutning", describe(eo), describe(et),
                      fmt::format("cti end {} --status S --date D --force", id()));
    auto date = et ? parse_date(scalar(child(*et, "dato"))) : std::nullopt;
    if (!date) return void(ok = false);
    for (const auto& k : keys_of(et))
      if (k != "dato" && k != "status" && k != "årsag") return void(ok = false);
    EndingEdit e{*date, scalar(child(*et, "status")), std::nullopt};
    if (child(*et, "årsag")) e.reason = scalar(child(*et, "årsag"));
    apply(set_ending(bytes, e, true));
  }
};

std::string mark_conflicts(const std::string& bytes, const Document& theirs, const std::vector<Mark>& marks) {
  auto opened = open_document(bytes);
  if (!std::holds_alternative<Document>(opened)) return bytes;
  Document d = std::move(std::get<Document>(opened));
  struct Span {
    int first, last;
    std::vector<std::string> ours, theirs;
    std::string comment;
  };
  auto span_of = [](const Document& doc, const Mark& m, int& first, int& last) {
    const YNode* top = doc.root.key_of(m.top);
    if (!top) return false;
    if (m.key.empty()) {
      first = top->line;
      last = top_block_end(doc, m.top);
      return true;
    }
    const YNode* map = top + 1;
    const YNode* k = map->is_map() ? map->key_of(m.key) : nullptr;
    if (!k || map->flow) return false;
    first = last = k->line;
    return true;
  };
  std::vector<Span> spans;
  for (const auto& m : marks) {
    Span s;
    int tf = 0, tl = 0;
    if (!span_of(d, m, s.first, s.last) || !span_of(theirs, m, tf, tl)) continue;
    for (int i = s.first; i <= s.last; ++i) s.ours.emplace_back(d.line(i));
    for (int i = tf; i <= tl; ++i) s.theirs.emplace_back(theirs.line(i));
    s.comment = m.comment;
    spans.push_back(std::move(s));
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.first > b.first; });
  std::vector<std::string> lines;
  for (int i = 0; i < d.lines(); ++i) lines.emplace_back(d.line(i));
  for (const auto& s : spans) {
    std::vector<std::string> block = {s.comment, "<<<<<<< " + std::string(tr("ours", "vores"))};
    block.insert(block.end(), s.ours.begin(), s.ours.end());
    block.push_back("=======");
    block.insert(block.end(), s.theirs.begin(), s.theirs.end());
    block.push_back(">>>>>>> " + std::string(tr("theirs", "deres")));
    lines.erase(lines.begin() + s.first, lines.begin() + s.last + 1);
    lines.insert(lines.begin() + s.first, block.begin(), block.end());
  }
  std::string out = d.bom ? std::string(kBom) : std::string();
  const bool ends_with_eol = d.body.empty() || d.body.back() == '\n';
  for (std::size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() || ends_with_eol ? d.eol : "");
  return out;
}

}  // namespace

std::optional<MergeOutcome> merge_records(const std::string& base, const std::string& ours, const std::string& theirs) {
  if (base.empty()) return std::nullopt;  // add/add: two forløb, never one merged record
  auto b = open_document(base), o = open_document(ours), t = open_document(theirs);
  if (!std::holds_alternative<Document>(b) || !std::holds_alternative<Document>(o) ||
      !std::holds_alternative<Document>(t))
    return std::nullopt;
  Merger m{std::move(std::get<Document>(b)),
           std::move(std::get<Document>(o)),
           std::move(std::get<Document>(t)),
           ours,
           {},
           true};
  static const std::set<std::string> records = {"kontakter", "tjekliste", "dokumentation", "opstart", "afslutning"};
  std::set<std::string> all;
  for (const Document* d : {&m.base, &m.ours, &m.theirs})
    for (const auto& k : keys_of(&d->root)) all.insert(k);
  for (const auto& k : all) {
    if (records.count(k)) continue;
    const std::string vb = canon(child(m.base.root, k)), vo = canon(child(m.ours.root, k)),
                      vt = canon(child(m.theirs.root, k));
    if (vt != vb && vt != vo) return std::nullopt;  // another key changed on their side: a line merge
  }
  m.contacts();
  m.scalars(
      "tjekliste",
      [&](const std::string& k, const std::string& v, const std::vector<std::string>& order) {
        m.apply(set_checklist_item(m.bytes, k, v, order, true));
      },
      "cti done {} {} --date D --force");
  m.scalars(
      "dokumentation",
      [&](const std::string& k, const std::string& v, const std::vector<std::string>&) {
        auto p = parse_doc_point(k);
        auto date = parse_date(v);
        if (!p || !date) return void(m.ok = false);
        m.apply(set_documentation(m.bytes, *p, *date, true));
      },
      "cti doc {} {} --date D --force");
  m.top_scalar("opstart");
  m.ending();
  if (!m.ok) return std::nullopt;
  if (m.marks.empty()) return MergeOutcome{m.bytes, true};
  return MergeOutcome{mark_conflicts(m.bytes, m.theirs, m.marks), false};
}

}  // namespace cti::edit
