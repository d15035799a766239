// Parsing a file's bytes into the YAML tree for YamlReader. An ordinary file is read by
// libyaml (yaml_fast.cpp); any other goes to yaml-cpp here: one document only, syntax
// errors as [yaml-syntax] in plain words at the right line, and guards against the
// inputs on which yaml-cpp 0.7 loops, recurses without bound or reads a quote to the end.
// Every key and scalar is NFC-normalised in the tree (yaml_tree.cpp), the one place file
// text enters.
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <sstream>

#include "base/lang.hpp"
#include "load/text_checks.hpp"
#include "load/yaml_messages.hpp"
#include "load/yaml_reader.hpp"

namespace cti {

using i18n::tr;

namespace {

// A line that starts with the document marker `marker` ("---" or "...").
bool is_marker(std::string_view line, std::string_view marker) {
  return line.substr(0, 3) == marker && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

// yaml-cpp 0.7 never returns from LoadAll when a token that starts no node follows a
// complete top-level node (",a: b", "[a]\n,", "!|\n? "): each call yields an empty
// document without consuming the token, and memory grows until the process dies. YAML::Load
// reads only the first document and cannot loop. A block mapping that starts in column 0
// (every valid file) can only be followed by another document after a line starting with
// '---', '...' or '%' (checked against LoadAll on every string of up to 5-6 YAML-significant
// characters). Any other file is first parsed without building nodes, stopping at a stall,
// and only then given to LoadAll to find a second document.
bool has_document_marker(const std::string& bytes) {
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string_view l(bytes.data() + start, end - start);
    if ((!l.empty() && l[0] == '%') || is_marker(l, "---") || is_marker(l, "...")) return true;
    start = end + 1;
  }
  return false;
}

struct DocumentStarts : YAML::EventHandler {
  std::optional<YAML::Mark> previous, stalled;
  void OnDocumentStart(const YAML::Mark& m) override {
    if (previous && previous->pos == m.pos) stalled = m;
    previous = m;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Where yaml-cpp would stall, if anywhere. Other syntax errors are left to LoadAll.
std::optional<YAML::Mark> stall_in(const std::string& bytes) {
  try {
    std::istringstream in(bytes);
    YAML::Parser parser(in);
    DocumentStarts starts;
    while (!starts.stalled && parser.HandleNextDocument(starts)) {
    }
    return starts.stalled;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The line of the last '---' document marker at or before `line` (0: anywhere), else `line`.
int marker_line(const std::string& bytes, int line) {
  int found = 0;
  int n = 1;
  for (std::size_t start = 0; start < bytes.size() && (line == 0 || n <= line); ++n) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string_view l(bytes.data() + start, end - start);
    if (is_marker(l, "---")) found = n;
    start = end + 1;
  }
  return found ? found : std::max(line, 1);
}

}  // namespace

namespace {
// Visits each collection once: an alias refers to the same node (same mark), and a
// file of nested aliases ("billion laughs") would otherwise be walked exponentially.
using Visited = std::set<std::pair<int, YAML::NodeType::value>>;

std::optional<Pos> unterminated_quote_in(const YAML::Node& n, const std::string& bytes, Visited& visited) {
  if (n.IsScalar()) {
    const YAML::Mark m = n.Mark();
    if (n.Tag() != "!" || m.is_null() || m.pos < 0 || static_cast<std::size_t>(m.pos) >= bytes.size()) return {};
    const char c = bytes[m.pos];
    if ((c == '"' || c == '\'') && closing_quote(bytes, m.pos) == std::string::npos) return pos_of(n);
    return {};
  }
  if (!n.IsSequence() && !n.IsMap()) return {};
  if (!visited.insert({n.Mark().pos, n.Type()}).second) return {};
  if (n.IsSequence())
    for (const auto& item : n)
      if (auto p = unterminated_quote_in(item, bytes, visited)) return p;
  if (n.IsMap())
    for (auto it = n.begin(); it != n.end(); ++it) {
      const YAML::Node k = it->first;
      const YAML::Node v = it->second;
      if (auto p = unterminated_quote_in(k, bytes, visited)) return p;
      if (auto p = unterminated_quote_in(v, bytes, visited)) return p;
    }
  return {};
}
}  // namespace

std::size_t closing_quote(const std::string& bytes, std::size_t open) {
  const char q = bytes[open];
  for (std::size_t i = open + 1; i < bytes.size(); ++i) {
    if (q == '"' && bytes[i] == '\\')
      ++i;
    else if (q == '\'' && bytes[i] == '\'' && i + 1 < bytes.size() && bytes[i + 1] == '\'')
      ++i;
    else if (bytes[i] == q)
      return i;
  }
  return std::string::npos;
}

std::optional<Pos> unterminated_quote(const YAML::Node& n, const std::string& bytes) {
  Visited visited;
  return unterminated_quote_in(n, bytes, visited);
}

std::optional<yaml::Node> YamlReader::parse(const std::string& bytes) {
  if (auto tree = yaml::parse_fast(bytes)) return tree;  // the ordinary file
  return parse_yaml_cpp(bytes);
}

std::optional<yaml::Node> YamlReader::parse_remembered(const std::string& bytes) {
  if (auto tree = yaml::parse_fast_remembered(bytes)) return tree;
  return parse_yaml_cpp(bytes);
}

std::optional<yaml::Node> YamlReader::parse_yaml_cpp(const std::string& bytes) {
  try {
    YAML::Node first = YAML::Load(bytes);
    std::vector<YAML::Node> docs;
    if (first.IsMap() && first.Style() == YAML::EmitterStyle::Block && first.Mark().column == 0 &&
        !has_document_marker(bytes)) {
      docs.push_back(first);
    } else {
      if (auto m = stall_in(bytes)) {
        const char c = static_cast<std::size_t>(m->pos) < bytes.size() ? bytes[m->pos] : ' ';
        std::string what = (c == ',') ? std::string(tr("(a comma separates items only inside [...] or {...})",
                                                       "(komma adskiller kun elementer inde i [...] eller {...})"))
                                      : std::string(tr("after the end of the document", "efter dokumentets slutning"));
        error(
            {m->line + 1, m->column + 1}, "yaml-syntax",
            fmt::format(fmt::runtime(tr("YAML syntax error: unexpected '{}' {}", "YAML-syntaksfejl: uventet '{}' {}")),
                        std::string(1, c), what));
        return std::nullopt;
      }
      docs = YAML::LoadAll(bytes);
    }
    if (docs.size() > 1) {
      // A second document would be silently ignored; say so instead.
      error(Pos{marker_line(bytes, pos_of(docs[1]).line), 1}, "yaml-syntax",
            std::string(tr("more than one YAML document (a '---' line); a file holds one forløb or one cti.yaml",
                           "mere end ét YAML-dokument (en '---'-linje); en fil rummer ét forløb eller én cti.yaml")));
      return std::nullopt;
    }
    if (docs.empty()) return yaml::Node::null({});
    // yaml-cpp accepts a quoted value that is never closed and reads to the end of the file.
    if (auto p = unterminated_quote(docs.front(), bytes)) {
      error(*p, "yaml-syntax",
            std::string(tr("YAML syntax error: a quoted value is never closed (the closing quote is missing)",
                           "YAML-syntaksfejl: en værdi i anførselstegn lukkes aldrig (det afsluttende tegn mangler)")));
      return std::nullopt;
    }
    return yaml::from_yaml_cpp(docs.front());
  } catch (const YAML::DeepRecursion& e) {
    error(e.mark.is_null() ? Pos{1, 1} : Pos{e.mark.line + 1, e.mark.column + 1}, "yaml-syntax",
          std::string(tr("YAML syntax error: lists or mappings nested too deeply",
                         "YAML-syntaksfejl: lister eller mappings er indlejret for dybt")));
  } catch (const YAML::Exception& e) {
    Pos p = e.mark.is_null() ? Pos{1, 1} : Pos{e.mark.line + 1, e.mark.column + 1};
    if (auto tab = indent_tab(bytes, p.line))
      error(*tab, "tab-indent",
            std::string(tr("tab character in indentation; YAML indents with spaces",
                           "tabulator i indrykning; YAML indrykkes med mellemrum")));
    else if (auto slip = missing_space_after_colon(bytes, p.line))
      // 'opstart:2026-03-20' is one word to YAML; the parser notices only lines later.
      error(slip->at, "yaml-syntax",
            fmt::format(fmt::runtime(tr("YAML syntax error: missing space after the colon; write '{}: ...'",
                                        "YAML-syntaksfejl: mangler mellemrum efter kolon; skriv '{}: ...'")),
                        slip->key));
    else
      error(p, "yaml-syntax", plain_yaml_message(e.msg));
  } catch (const std::exception&) {
    error({1, 1}, "yaml-syntax", std::string(tr("YAML syntax error", "YAML-syntaksfejl")));
  }
  return std::nullopt;
}

}  // namespace cti
