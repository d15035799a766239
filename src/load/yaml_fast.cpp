// parse_fast (yaml_tree.hpp): an ordinary file's tree built from libyaml's events, about
// five times faster than yaml-cpp's node tree. Anything unusual is refused, not guessed
// at, and goes to yaml-cpp with its guards and messages (yaml_parse.cpp); so both parsers
// give the same tree for every file this one accepts (tests/unit/test_load_yaml_fast.cpp
// compares them over the bad-input corpus and the demo).
#include <yaml.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "load/yaml_tree.hpp"

namespace cti::yaml {

namespace {

constexpr std::size_t kMaxDepth = 64;  // deeper: yaml-cpp's depth guard says so

// Where each line starts, for turning libyaml's (line, character column) into cti's byte
// column. Nothing when a line break other than LF or CRLF (a lone CR, NEL, U+2028/9)
// would make libyaml count lines differently from yaml-cpp, or the file starts with a
// byte order mark.
std::optional<std::vector<std::size_t>> line_starts(std::string_view t) {
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") return std::nullopt;
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < t.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      starts.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 >= t.size() || t[i + 1] != '\n') return std::nullopt;
    } else if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x85) {
      return std::nullopt;
    } else if (c == 0xE2 && i + 2 < t.size() && t[i + 1] == '\x80' && (t[i + 2] == '\xA8' || t[i + 2] == '\xA9')) {
      return std::nullopt;
    }
  }
  return starts;
}

class Builder {
 public:
  Builder(std::string_view text, std::vector<std::size_t> starts) : text_(text), starts_(std::move(starts)) {}

  // 1-based line and byte column of a libyaml mark (0-based line, column in characters).
  Pos pos(const yaml_mark_t& m) const {
    if (m.line >= starts_.size()) return {static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
    std::size_t at = starts_[m.line];
    for (std::size_t chars = 0; chars < m.column && at < text_.size(); ++chars) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return {static_cast<int>(m.line) + 1, static_cast<int>(at - starts_[m.line]) + 1};
  }

  // Takes one event; false when the file is not an ordinary one.
  bool take(const yaml_event_t& e) {
    if (empty_) {
      // An empty value stands where the next token starts (as yaml-cpp places it, and so
      // the messages about it), not right after its key's colon.
      empty_ = false;
      if (!add(Node::null(pos(e.start_mark)))) return false;
    }
    switch (e.type) {
      case YAML_STREAM_START_EVENT:
      case YAML_STREAM_END_EVENT:
        return true;
      case YAML_DOCUMENT_START_EVENT:
        return ++documents_ == 1 && e.data.document_start.implicit && !e.data.document_start.version_directive;
      case YAML_DOCUMENT_END_EVENT:
        return e.data.document_end.implicit;
      case YAML_ALIAS_EVENT:
        return false;
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        if (s.anchor || (s.tag && !s.plain_implicit && !s.quoted_implicit)) return false;
        std::string value(reinterpret_cast<const char*>(s.value), s.length);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        if (plain && value.empty() && e.start_mark.index == e.end_mark.index) return empty_ = true;
        if (plain && (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL"))
          return add(Node::null(pos(e.start_mark)));
        return add(Node::scalar(std::move(value), pos(e.start_mark), plain));
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool map = e.type == YAML_MAPPING_START_EVENT;
        const auto* anchor = map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
        const bool tagged = map ? e.data.mapping_start.tag && !e.data.mapping_start.implicit
                                : e.data.sequence_start.tag && !e.data.sequence_start.implicit;
        if (anchor || tagged || open_.size() >= kMaxDepth) return false;
        if (open_.empty() &&
            !(map && e.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE && e.start_mark.column == 0))
          return false;  // the whole file is not a block mapping: yaml-cpp says what it is
        open_.push_back({map, pos(e.start_mark), {}, {}, {}, false});
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        Open o = std::move(open_.back());
        open_.pop_back();
        if (o.map) return add(Node::map(o.pos, std::make_shared<const std::vector<Pair>>(std::move(o.pairs))));
        return add(Node::sequence(o.pos, std::make_shared<const std::vector<Node>>(std::move(o.items))));
      }
      default:
        return false;
    }
  }

  std::optional<Node> result() {
    if (!open_.empty() || documents_ > 1) return std::nullopt;
    if (!root_) return Node::null({});  // no document, or only comments
    return std::move(root_);
  }

 private:
  struct Open {
    bool map;
    Pos pos;
    std::vector<Node> items;
    std::vector<Pair> pairs;
    Node key;
    bool has_key;
  };

  bool add(Node n) {
    if (open_.empty()) {
      if (root_ || !n.IsMap()) return false;  // only a block mapping gets here as the root
      root_ = std::move(n);
      return true;
    }
    Open& o = open_.back();
    if (!o.map) {
      o.items.push_back(std::move(n));
    } else if (!o.has_key) {
      o.key = std::move(n);
      o.has_key = true;
    } else {
      o.pairs.push_back({std::move(o.key), std::move(n)});
      o.key = Node();
      o.has_key = false;
    }
    return true;
  }

  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::vector<Open> open_;
  std::optional<Node> root_;
  int documents_ = 0;
  bool empty_ = false;  // an empty value waits for the next event's position
};

}  // namespace

std::optional<Node> parse_fast(std::string_view bytes) {
  auto starts = line_starts(bytes);
  if (!starts) return std::nullopt;
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return std::nullopt;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  Builder b(bytes, std::move(*starts));
  bool ok = true;
  for (bool end = false; ok && !end;) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) {
      ok = false;
      break;
    }
    end = e.type == YAML_STREAM_END_EVENT;
    ok = b.take(e);
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&parser);
  if (!ok) return std::nullopt;
  return b.result();
}

std::optional<Node> parse_fast_remembered(std::string_view bytes) {
  static std::mutex lock;
  static std::optional<std::pair<std::string, std::optional<Node>>> last;  // a tree shares its nodes: copied cheaply
  {
    const std::lock_guard<std::mutex> hold(lock);
    if (last && last->first == bytes) return last->second;
  }
  std::optional<Node> tree = parse_fast(bytes);
  const std::lock_guard<std::mutex> hold(lock);
  last.emplace(std::string(bytes), tree);
  return tree;
}

}  // namespace cti::yaml
