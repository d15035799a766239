// A case file opened for a byte edit: its lines (without BOM, with the file's line ending)
// and the shape yaml-cpp sees (keys and values with their lines, collection styles).
// Edits change bytes at the lines found here; nothing is ever re-emitted from the tree.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cti::edit {

// The UTF-8 byte order mark some editors write first; kept as it was found.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct YNode {
  enum class Kind { null, scalar, map, seq };
  Kind kind = Kind::null;
  bool flow = false;        // [...] or {...}
  int line = 0;             // 0-based line of the node's first token
  long pos = -1;            // its byte offset in Document::body
  std::string value;        // scalar text (unquoted)
  std::vector<YNode> kids;  // map: key, value, key, value...; seq: items

  bool is_map() const { return kind == Kind::map; }
  // The value of `key` in a mapping (keys compared with å composed), else nullptr.
  const YNode* get(std::string_view key) const;
  // The key node of `key` in a mapping, else nullptr.
  const YNode* key_of(std::string_view key) const;
};

// Keys compared as the loader will: "a" + combining ring equals "å".
bool same_key(std::string_view a, std::string_view b);
std::string key_form(std::string_view key);  // "a" + combining ring -> "å"

// The edit a change made to the bytes should have made to the tree (edit/verify.cpp):
// re-reads `after` and compares it with `before` changed by `change` (mappings compared
// by key, lists as collections). False when the bytes say anything else.
bool edit_is_exact(const YNode& before, const std::string& after, const std::function<void(YNode&)>& change);

// Building the expected tree: a scalar, and setting `key` in a mapping (added when absent).
YNode scalar_node(std::string value);
YNode& set_child(YNode& map, std::string_view key, YNode value);

struct Document {
  bool bom = false;
  std::string eol = "\n";           // the file's line ending ("\r\n" when the first line has one)
  std::string body;                 // the bytes after the BOM
  std::vector<std::size_t> starts;  // where each line begins in body
  YNode root;
  // reach[i]: the last line of a quoted value or {...}/[...] that starts on line i and goes
  // on over further lines (i when none does). Cleared by an edit.
  std::vector<int> reach;

  int lines() const { return static_cast<int>(starts.size()); }
  std::string_view line(int i) const;  // without the line ending
  int indent(int i) const;             // leading spaces
  bool blank(int i) const;
  bool comment(int i) const;              // first non-space character is '#'
  std::string bytes() const;              // BOM + body
  int line_of(std::size_t offset) const;  // the line holding body[offset]

  // The last line of the block that starts at `first` (a key or a list entry), looking no
  // further than `limit`: lines indented deeper than `first`, and for a key also '- ' lines at
  // its own indent (a list written flush with its key). Comments at or left of its indent and
  // trailing blank lines are not the block's.
  int block_end(int first, int limit, bool key) const;

  // Inserts whole lines before line `at` (at == lines(): at the end), each ended with eol.
  void insert_lines(int at, const std::vector<std::string>& text);
  // Removes lines [from, to] (0-based, inclusive), their line endings with them.
  void erase_lines(int from, int to);
  // Replaces bytes [from, to) of line i.
  void replace_in_line(int i, std::size_t from, std::size_t to, std::string_view text);
  // Recomputes the line starts from body (the tree's lines go stale after an edit).
  void reindex();
};

// Opens the bytes for editing, or says why they cannot be edited safely (a refusal text
// that tells the user what to do by hand): a YAML error, merge-conflict markers,
// anchors or aliases, a key written twice, a file that is not a block mapping.
std::variant<Document, std::string> open_document(const std::string& bytes);

// Where the value of the `key: value` on line i lies: [begin, end) byte offsets in the line
// (begin == end when there is none), and whether it is quoted with ' or ".
struct ValueSpan {
  std::size_t begin = 0, end = 0;
  char quote = 0;
};
std::optional<ValueSpan> value_span(std::string_view line);

}  // namespace cti::edit
