// The Node type of yaml_tree.hpp, and the conversion of a yaml-cpp tree into it.
#include "load/yaml_tree.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <utility>

#include "base/unicode.hpp"
#include "load/yaml_reader.hpp"

namespace cti::yaml {

namespace {
const std::vector<Node> kNoItems;
const std::vector<Pair> kNoPairs;
const Node kUndefined;
}  // namespace

Node Node::null(Pos p) {
  Node n;
  n.kind_ = Kind::null;
  n.pos_ = p;
  return n;
}

Node Node::scalar(std::string value, Pos p, bool plain) {
  Node n;
  n.kind_ = Kind::scalar;
  n.pos_ = p;
  n.plain_ = plain;
  n.value_ = is_nfc(value) ? std::move(value) : nfc(value);
  return n;
}

Node Node::sequence(Pos p, std::shared_ptr<const std::vector<Node>> items) {
  Node n;
  n.kind_ = Kind::sequence;
  n.pos_ = p;
  n.items_ = std::move(items);
  return n;
}

Node Node::map(Pos p, std::shared_ptr<const std::vector<Pair>> pairs) {
  Node n;
  n.kind_ = Kind::map;
  n.pos_ = p;
  n.pairs_ = std::move(pairs);
  return n;
}

const std::vector<Node>& Node::items() const {
  return items_ ? *items_ : kNoItems;
}

const std::vector<Pair>& Node::pairs() const {
  return pairs_ ? *pairs_ : kNoPairs;
}

const Node& Node::operator[](std::string_view key) const {
  for (const auto& p : pairs())
    if (p.first.IsScalar() && p.first.Scalar() == key) return p.second;
  return kUndefined;
}

Pos pos_of_mark(const YAML::Mark& m) {
  if (m.is_null() || m.line < 0) return {};
  return {m.line + 1, m.column + 1};
}

namespace {

// Collections already converted (or being converted), by where they start and what they
// are: an alias is the same yaml-cpp node as its anchor, and shares the converted children.
struct Converter {
  std::map<std::pair<int, int>, Node> done;

  Node convert(const YAML::Node& n) {
    const Pos p = pos_of_mark(n.Mark());
    switch (n.Type()) {
      case YAML::NodeType::Null:
        return Node::null(p);
      case YAML::NodeType::Scalar:
        return Node::scalar(n.Scalar(), p, n.Tag() != "!");
      case YAML::NodeType::Sequence:
      case YAML::NodeType::Map:
        break;
      default:
        return Node();
    }
    const std::pair<int, int> id{n.Mark().pos, static_cast<int>(n.Type())};
    if (auto it = done.find(id); it != done.end()) return it->second;
    // A collection that holds an alias of itself ("&a [*a]") ends there: as an empty one.
    done.emplace(id, n.IsSequence() ? Node::sequence(p, nullptr) : Node::map(p, nullptr));
    Node out;
    if (n.IsSequence()) {
      auto items = std::make_shared<std::vector<Node>>();
      for (const auto& item : n) items->push_back(convert(item));
      out = Node::sequence(p, std::move(items));
    } else {
      auto pairs = std::make_shared<std::vector<Pair>>();
      for (auto it = n.begin(); it != n.end(); ++it) {
        const YAML::Node k = it->first;  // copies: the iterator's pair is a temporary
        const YAML::Node v = it->second;
        pairs->push_back({convert(k), convert(v)});
      }
      out = Node::map(p, std::move(pairs));
    }
    done[id] = out;
    return out;
  }
};

}  // namespace

}  // namespace cti::yaml

namespace cti {
Pos pos_of(const YAML::Node& n) {
  return yaml::pos_of_mark(n.Mark());
}
}  // namespace cti

namespace cti::yaml {

Node from_yaml_cpp(const YAML::Node& n) {
  Converter c;
  return c.convert(n);
}

}  // namespace cti::yaml
