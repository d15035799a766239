// The YAML document the loaders read: a plain tree of maps, lists and scalars, each with
// the line and byte column where it starts. Built by yaml_fast.cpp from libyaml's events
// for the ordinary file (block and flow collections, no anchors, aliases or tags), else
// converted from yaml-cpp's tree (yaml_convert.cpp), which keeps that parser's guards and
// messages for every unusual or broken file. Every key and scalar is already in NFC.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"

namespace YAML {
class Node;
struct Mark;
}  // namespace YAML

namespace cti::yaml {

enum class Kind : unsigned char { undefined, null, scalar, sequence, map };

struct Pair;

class Node {
 public:
  Node() = default;  // undefined: what a missing key gives
  static Node null(Pos p);
  static Node scalar(std::string value, Pos p, bool plain);
  static Node sequence(Pos p, std::shared_ptr<const std::vector<Node>> items);
  static Node map(Pos p, std::shared_ptr<const std::vector<Pair>> pairs);

  Kind kind() const { return kind_; }
  bool IsDefined() const { return kind_ != Kind::undefined; }
  bool IsNull() const { return kind_ == Kind::null; }
  bool IsScalar() const { return kind_ == Kind::scalar; }
  bool IsSequence() const { return kind_ == Kind::sequence; }
  bool IsMap() const { return kind_ == Kind::map; }
  const std::string& Scalar() const { return value_; }
  // A plain scalar (no quotes, no block indicator): the one that can be a number.
  bool plain() const { return plain_; }
  Pos pos() const { return pos_; }

  // A list's items, a mapping's entries (in file order, repeated keys kept); empty otherwise.
  const std::vector<Node>& items() const;
  const std::vector<Pair>& pairs() const;
  std::size_t size() const;
  std::vector<Node>::const_iterator begin() const { return items().begin(); }
  std::vector<Node>::const_iterator end() const { return items().end(); }
  // The value of the first entry whose key is the scalar `key`; undefined when none.
  const Node& operator[](std::string_view key) const;

 private:
  Kind kind_ = Kind::undefined;
  bool plain_ = false;
  Pos pos_;
  std::string value_;
  std::shared_ptr<const std::vector<Node>> items_;
  std::shared_ptr<const std::vector<Pair>> pairs_;
};

struct Pair {
  Node first, second;
};

inline std::size_t Node::size() const {
  return IsSequence() ? items().size() : IsMap() ? pairs().size() : 0;
}

// The tree of an ordinary file straight from libyaml's events; nothing when the file is
// not one (a syntax error, several documents, an anchor, alias or tag, a byte order mark,
// a line break other than LF or CRLF), and yaml-cpp then reads it.
std::optional<Node> parse_fast(std::string_view bytes);

// parse_fast, remembering the last document it was asked for: cti.yaml is read twice per
// command (for the language, then for the project) and parsed once. Safe from any thread.
std::optional<Node> parse_fast_remembered(std::string_view bytes);

// yaml-cpp's tree as a Node, scalars in NFC. An alias shares its anchor's children, so a
// file of nested aliases costs what its text does.
Node from_yaml_cpp(const YAML::Node& n);

// 1-based line and column of a yaml-cpp mark; {} when it has none.
Pos pos_of_mark(const YAML::Mark& m);

}  // namespace cti::yaml
