// Opening a case file for a byte edit: lines, line ending, BOM, and the yaml-cpp event
// stream turned into a small tree of keys and values with their lines.
#include "edit/document.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <set>
#include <sstream>

#include "base/lang.hpp"
#include "load/yaml_reader.hpp"

namespace cti::edit {

using i18n::tr;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string compose_ring(std::string_view s) {
  std::string out(s);
  for (std::size_t p; (p = out.find("a\xCC\x8A")) != std::string::npos;) out.replace(p, 3, "\xC3\xA5");
  for (std::size_t p; (p = out.find("A\xCC\x8A")) != std::string::npos;) out.replace(p, 3, "\xC3\x85");
  return out;
}

// Builds YNodes from parser events; notes anchors and aliases.
struct TreeBuilder : YAML::EventHandler {
  std::vector<YNode> stack;
  YNode root;
  bool done = false;
  std::optional<int> anchor_line;

  void note_anchor(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor && !anchor_line) anchor_line = m.line;
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
    add(YNode{YNode::Kind::null, false, m.line, {}, {}});
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    if (!anchor_line) anchor_line = m.line;
    add(YNode{YNode::Kind::null, false, m.line, {}, {}});
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& v) override {
    note_anchor(m, a);
    add(YNode{YNode::Kind::scalar, false, m.line, v, {}});
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value s) override {
    note_anchor(m, a);
    stack.push_back(YNode{YNode::Kind::seq, s == YAML::EmitterStyle::Flow, m.line, {}, {}});
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value s) override {
    note_anchor(m, a);
    stack.push_back(YNode{YNode::Kind::map, s == YAML::EmitterStyle::Flow, m.line, {}, {}});
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
      if (!seen.insert(compose_ring(k.value)).second)
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

bool conflict_marker(std::string_view l) {
  for (std::string_view m : {"<<<<<<<", ">>>>>>>", "|||||||"})
    if (l.substr(0, 7) == m) return true;
  return l == "=======" || l.substr(0, 8) == "======= ";
}

}  // namespace

bool same_key(std::string_view a, std::string_view b) {
  return a == b || compose_ring(a) == compose_ring(b);
}

const YNode* YNode::key_of(std::string_view key) const {
  if (!is_map()) return nullptr;
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2)
    if (kids[i].kind == Kind::scalar && same_key(kids[i].value, key)) return &kids[i];
  return nullptr;
}

const YNode* YNode::get(std::string_view key) const {
  const YNode* k = key_of(key);
  return k ? k + 1 : nullptr;
}

std::string_view Document::line(int i) const {
  std::size_t b = starts[i];
  std::size_t e = (i + 1 < lines()) ? starts[i + 1] : body.size();
  std::string_view l(body.data() + b, e - b);
  if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

int Document::indent(int i) const {
  std::string_view l = line(i);
  std::size_t n = l.find_first_not_of(' ');
  return static_cast<int>(n == std::string_view::npos ? l.size() : n);
}

bool Document::blank(int i) const {
  return line(i).find_first_not_of(" \t") == std::string_view::npos;
}

bool Document::comment(int i) const {
  std::string_view l = line(i);
  std::size_t n = l.find_first_not_of(" \t");
  return n != std::string_view::npos && l[n] == '#';
}

std::string Document::bytes() const {
  return (bom ? std::string(kBom) : std::string()) + body;
}

int Document::block_end(int first, int limit, bool key) const {
  const int own = indent(first);
  int end = first;
  for (int i = first + 1; i < limit && i < lines(); ++i) {
    if (blank(i)) continue;
    const int in = indent(i);
    std::string_view l = line(i);
    const bool dash = key && in == own && l.size() > static_cast<std::size_t>(in) && l[in] == '-' &&
                      (l.size() == static_cast<std::size_t>(in) + 1 || l[in + 1] == ' ');
    if (in > own || dash)
      end = i;
    else if (!comment(i))
      break;
  }
  return end;
}

void Document::insert_lines(int at, const std::vector<std::string>& text) {
  std::string add;
  std::size_t offset = body.size();
  if (at < lines()) {
    offset = starts[at];
    for (const auto& t : text) add += t + eol;
  } else if (!body.empty() && body.back() != '\n') {
    for (const auto& t : text) add += eol + t;  // the file keeps ending without a line break
  } else {
    for (const auto& t : text) add += t + eol;
  }
  body.insert(offset, add);
  reindex();
}

void Document::reindex() {
  starts.clear();
  for (std::size_t p = 0; p < body.size();) {
    starts.push_back(p);
    std::size_t n = body.find('\n', p);
    p = (n == std::string::npos) ? body.size() : n + 1;
  }
}

void Document::replace_in_line(int i, std::size_t from, std::size_t to, std::string_view text) {
  body.replace(starts[i] + from, to - from, text);
  reindex();
}

std::optional<ValueSpan> value_span(std::string_view l) {
  std::size_t p = l.find_first_not_of(' ');
  if (p == std::string_view::npos) return std::nullopt;
  if (l[p] == '"' || l[p] == '\'') {  // a quoted key
    const char q = l[p];
    for (++p; p < l.size() && l[p] != q; ++p)
      if (q == '"' && l[p] == '\\') ++p;
    if (p >= l.size()) return std::nullopt;
    p = l.find(':', p);
  } else {
    for (; p < l.size(); ++p)
      if (l[p] == ':' && (p + 1 == l.size() || l[p + 1] == ' ' || l[p + 1] == '\t')) break;
  }
  if (p == std::string_view::npos || p >= l.size()) return std::nullopt;
  ValueSpan s;
  s.begin = s.end = p + 1;
  std::size_t v = l.find_first_not_of(" \t", p + 1);
  if (v == std::string_view::npos || l[v] == '#') return s;
  s.begin = v;
  if (l[v] == '"' || l[v] == '\'') {
    s.quote = l[v];
    std::size_t e = v + 1;
    for (; e < l.size(); ++e) {
      if (s.quote == '"' && l[e] == '\\')
        ++e;
      else if (s.quote == '\'' && l[e] == '\'' && e + 1 < l.size() && l[e + 1] == '\'')
        ++e;
      else if (l[e] == s.quote)
        break;
    }
    if (e >= l.size()) return std::nullopt;
    s.end = e + 1;
    return s;
  }
  std::size_t e = v;
  while (e < l.size() && !((l[e] == '#') && (l[e - 1] == ' ' || l[e - 1] == '\t'))) ++e;
  while (e > v && (l[e - 1] == ' ' || l[e - 1] == '\t')) --e;
  s.end = e;
  return s;
}

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
  return d;
}

}  // namespace cti::edit
