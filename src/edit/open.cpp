// Opening a case file for a byte edit: line ending, BOM, refusals (conflict markers,
// anchors, keys written twice), and the yaml-cpp event stream turned into a small tree
// of keys and values with their lines.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <sstream>

#include "base/lang.hpp"
#include "edit/document.hpp"
#include "load/yaml_reader.hpp"

namespace cti::edit {

using i18n::tr;

namespace {

// Builds YNodes from parser events; notes anchors and aliases.
struct TreeBuilder : YAML::EventHandler {
  std::vector<YNode> stack;
  YNode root;
  bool done = false;
  std::optional<int> anchor_line;

  void note_anchor(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor && !anchor_line) anchor_line = m.line;
  }
  static YNode make(YNode::Kind k, const YAML::Mark& m, bool flow = false, std::string v = {}) {
    YNode n;
    n.kind = k;
    n.flow = flow;
    n.line = m.line;
    n.pos = m.pos;
    n.value = std::move(v);
    return n;
  }
  void add(YNode n) {
    if (stack.empty()) {
      root = std::move(n);
      done = true;
    } else {
      stack.back().kids.push_back(std::move(n));
    }
  }
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    note_anchor(m, a);
    add(make(YNode::Kind::null, m));
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    if (!anchor_line) anchor_line = m.line;
    add(make(YNode::Kind::null, m));
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& v) override {
    note_anchor(m, a);
    add(make(YNode::Kind::scalar, m, false, v));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value s) override {
    note_anchor(m, a);
    stack.push_back(make(YNode::Kind::seq, m, s == YAML::EmitterStyle::Flow));
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value s) override {
    note_anchor(m, a);
    stack.push_back(make(YNode::Kind::map, m, s == YAML::EmitterStyle::Flow));
  }
  void OnMapEnd() override { pop(); }
  void pop() {
    YNode n = std::move(stack.back());
    stack.pop_back();
    add(std::move(n));
  }
};

// A key written twice in any mapping, or a key that is not a plain word: its message.
std::optional<std::string> key_problem(const YNode& n) {
  if (n.is_map()) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i + 1 < n.kids.size(); i += 2) {
      const YNode& k = n.kids[i];
      if (k.kind != YNode::Kind::scalar)
        return fmt::format(fmt::runtime(tr("line {}: a key that is not a single word; edit the file by hand",
                                           "linje {}: en nøgle der ikke er et enkelt ord; ret filen i hånden")),
                           k.line + 1);
      if (!seen.insert(key_form(k.value)).second)
        return fmt::format(fmt::runtime(tr("line {}: key '{}' is written twice; remove one of them by hand, "
                                           "then run the command again",
                                           "linje {}: nøglen '{}' står der to gange; slet den ene i hånden og "
                                           "kør kommandoen igen")),
                           k.line + 1, k.value);
    }
  }
  for (const auto& k : n.kids)
    if (auto p = key_problem(k)) return p;
  return std::nullopt;
}

// Where the quoted scalar or flow collection opening at `open` closes, else npos.
std::size_t closing(const std::string& b, std::size_t open) {
  const char c = b[open];
  if (c == '"' || c == '\'') return closing_quote(b, open);
  int depth = 0;
  for (std::size_t i = open; i < b.size(); ++i) {
    const char x = b[i];
    if (x == '"' || x == '\'') {
      i = closing(b, i);
      if (i == std::string::npos) return i;
    } else if (x == '#' && i > 0 && (b[i - 1] == ' ' || b[i - 1] == '\t' || b[i - 1] == '\n')) {
      i = b.find('\n', i);
      if (i == std::string::npos) return i;
    } else if (x == '[' || x == '{') {
      ++depth;
    } else if ((x == ']' || x == '}') && --depth == 0) {
      return i;
    }
  }
  return std::string::npos;
}

// Fills d.reach for every node of the tree that spans lines.
void note_reach(Document& d, const YNode& n) {
  const bool opens = n.pos >= 0 && static_cast<std::size_t>(n.pos) < d.body.size() &&
                     std::strchr("\"'[{", d.body[n.pos]) && d.body[n.pos] != '\0';
  if (opens && (n.kind == YNode::Kind::scalar || n.flow) && n.line >= 0 && n.line < d.lines()) {
    std::size_t end = closing(d.body, static_cast<std::size_t>(n.pos));
    int last = end == std::string::npos ? d.lines() - 1 : d.line_of(end);
    d.reach[n.line] = std::max(d.reach[n.line], last);
  }
  if (n.flow) return;  // everything inside is within its brackets
  for (const auto& k : n.kids) note_reach(d, k);
}

bool conflict_marker(std::string_view l) {
  for (std::string_view m : {"<<<<<<<", ">>>>>>>", "|||||||"})
    if (l.substr(0, 7) == m) return true;
  return l == "=======" || l.substr(0, 8) == "======= ";
}

}  // namespace
std::variant<Document, std::string> open_document(const std::string& bytes) {
  Document d;
  std::string_view all(bytes);
  if (all.substr(0, 3) == kBom) {
    d.bom = true;
    all.remove_prefix(3);
  }
  d.body = std::string(all);
  if (std::size_t n = d.body.find('\n'); n != std::string::npos && n > 0 && d.body[n - 1] == '\r') d.eol = "\r\n";
  d.reindex();
  for (std::size_t p = 0; (p = d.body.find('\r', p)) != std::string::npos; ++p)
    if (p + 1 >= d.body.size() || d.body[p + 1] != '\n')
      return std::string(tr("the file has a line break cti cannot keep (a lone CR); edit it by hand",
                            "filen har et linjeskift cti ikke kan bevare (et enkelt CR); ret den i hånden"));
  for (int i = 0; i < d.lines(); ++i)
    if (conflict_marker(d.line(i)))
      return fmt::format(fmt::runtime(tr("line {}: the file has git merge-conflict markers; resolve the conflict "
                                         "first, then run the command again",
                                         "linje {}: filen har git-flettekonfliktmarkører; løs konflikten først og "
                                         "kør så kommandoen igen")),
                         i + 1);
  Diagnostics ignored;
  YamlReader reader("", ignored);
  if (!reader.parse(d.body)) {
    const int line = ignored.empty() ? 1 : ignored.front().pos.line;
    return fmt::format(fmt::runtime(tr("line {}: the file is not valid YAML; run 'cti validate', fix it by hand, "
                                       "then run the command again",
                                       "linje {}: filen er ikke gyldig YAML; kør 'cti validate', ret den i hånden "
                                       "og kør så kommandoen igen")),
                       line);
  }
  TreeBuilder tree;
  try {
    std::istringstream in(d.body);
    YAML::Parser parser(in);
    parser.HandleNextDocument(tree);
  } catch (const std::exception&) {
    tree.done = false;
  }
  if (!tree.done || !tree.root.is_map() || tree.root.flow || d.indent(tree.root.line) != 0)
    return std::string(tr("the file is not a list of 'key: value' lines starting in column 1; edit it by hand",
                          "filen er ikke 'nøgle: værdi'-linjer der begynder i kolonne 1; ret den i hånden"));
  if (tree.anchor_line)
    return fmt::format(fmt::runtime(tr("line {}: the file uses YAML anchors or aliases (& or *), which cti does not "
                                       "edit; record this by hand",
                                       "linje {}: filen bruger YAML-ankre eller -aliasser (& eller *), som cti ikke "
                                       "retter i; registrér det i hånden")),
                       *tree.anchor_line + 1);
  if (auto p = key_problem(tree.root)) return *p;
  d.root = std::move(tree.root);
  for (int i = 0; i < d.lines(); ++i) d.reach.push_back(i);
  note_reach(d, d.root);
  return d;
}

}  // namespace cti::edit