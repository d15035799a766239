// Reading typed values out of a parsed YAML tree (yaml_tree.hpp), reporting problems as
// diagnostics.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/source.hpp"
#include "load/yaml_tree.hpp"

namespace cti {

Pos pos_of(const yaml::Node& n);
Pos pos_of(const YAML::Node& n);  // a yaml-cpp node (the key file, the parser's guards)

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  void error(Pos p, std::string rule, std::string message);
  void warning(Pos p, std::string rule, std::string message);
  const std::string& file() const { return file_; }

  // The checklist item ids of the programme (cti.yaml's tjeklister applied), for the hint
  // on an item written outside tjekliste:. Until set: the built-in items.
  void set_item_ids(std::vector<std::string> ids) { item_ids_ = std::move(ids); }
  bool is_item_id(std::string_view key) const;

  // Parses bytes; on a syntax error reports [yaml-syntax] and returns nothing.
  std::optional<yaml::Node> parse(const std::string& bytes);
  // The same, through yaml::parse_fast_remembered (cti.yaml: asked for more than once).
  std::optional<yaml::Node> parse_remembered(const std::string& bytes);
  // The same through yaml-cpp alone, with its guards: what parse() does with every file
  // yaml::parse_fast refuses (public for the test that compares the two).
  std::optional<yaml::Node> parse_yaml_cpp(const std::string& bytes);

  // Visits every key of a mapping. Keys not in `known` are reported as [unknown-key]
  // with a suggestion, repeated keys as [duplicate-key]; known ones go to `visit`
  // (key, key position, value). `where` names the mapping in messages ("" = top level).
  void each_key(const yaml::Node& map, const std::vector<std::string>& known, std::string_view where,
                const std::function<void(const std::string&, Pos, const yaml::Node&)>& visit);

  // Reports [missing-key] at `at` for every required key not in `map`, except one that is
  // only misspelt: a key not in `known` whose suggestion is the required key gets its own
  // [unknown-key] "did you mean" from each_key, and one mistake gives one message.
  void require(const yaml::Node& map, const std::vector<std::string>& required, Pos at,
               const std::vector<std::string>& known = {});

  bool is_mapping(const yaml::Node& n, std::string_view key);                    // else [wrong-type]
  bool is_sequence(const yaml::Node& n, std::string_view key);                   // else [wrong-type]
  std::optional<std::string> scalar(const yaml::Node& n, std::string_view key);  // else [wrong-type]
  std::optional<Date> date(const yaml::Node& n, std::string_view key);           // else [invalid-date]
  std::optional<double> number(const yaml::Node& n, std::string_view key);       // else [wrong-type]

 private:
  std::string file_;
  Diagnostics& out_;
  std::vector<std::string> item_ids_;
};

// The position of a quoted scalar that is never closed (yaml-cpp reads it to the end of the
// file without complaint), if `n` or anything under it has one.
std::optional<Pos> unterminated_quote(const YAML::Node& n, const std::string& bytes);

// Where the quoted scalar opening at `open` ('"' or '\'', with YAML's escapes) closes,
// else npos.
std::size_t closing_quote(const std::string& bytes, std::size_t open);

// A value for a message: quoted, shortened, CPR-safe (make_diag redacts as well).
std::string quote_value(std::string_view v);

}  // namespace cti
