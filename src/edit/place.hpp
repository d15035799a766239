// Where a new line goes, and setting one `key: value` line (internal to edit/).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/document.hpp"
#include "edit/edit.hpp"

namespace cti::edit {

// The position of `key` in `order`, or -1 when it is not there.
int rank_of(const std::vector<std::string>& order, std::string_view key);

// The line before which a new child `key` of the block mapping `map` goes so that the
// children follow `order`: after the last child that comes before it in that order, else
// before the first that comes after it, else after the last child. `top` is the file's
// root mapping (a new key then also goes just above a commented-out "# key:" line of the
// template, when one is in the gap). `key_line` is the line of the mapping's own key (for a
// nested one) and `limit` the first line after its block.
int insertion_line(const Document& d, const YNode& map, bool top, int key_line, int limit,
                   const std::vector<std::string>& order, std::string_view key);

// The indentation of the children of the block mapping or list at `map` (from its first
// child line), else the indentation the file uses for nested blocks, else 2.
std::string child_indent(const Document& d, const YNode* map);

// The last line of the top-level key `key` (its whole block).
int top_block_end(const Document& d, std::string_view key);

// Sets `key: value` at the top level (block empty) or inside the top-level block mapping
// `block` (created at its template place when absent). `text` is what is written: for a
// plain value it is `value`, kept in the existing quotes when the old value was quoted.
// `label` names the key in messages. An existing different value needs force.
struct SetValue {
  std::string block;  // "" = top level
  std::string key;
  std::string value;  // compared with the value in the file
  bool plain = true;  // false: `text` is a quoted scalar written as is
  std::string text;
  std::vector<std::string> order;  // order of the block's keys (top level: key_order())
  bool force = false;
  // A flow list of plain words ([bolig, økonomi]) instead of a scalar: `text` is how it is
  // written, `list` its items (an existing list is replaced only on one line, in flow style).
  bool is_list = false;
  std::vector<std::string> list = {};
};
Result set_value(const std::string& bytes, const SetValue& s);

// `r` when it is a refusal, a no-op, or an edit whose bytes read back as `before` changed
// by `change`; else a refusal saying to add `line` by hand (edit/verify.cpp).
Result verified(const YNode& before, Result r, const std::function<void(YNode&)>& change, const std::string& line);

// The refusal for a value already recorded differently.
Refused already_different(const std::string& label, const std::string& old, const std::string& now, bool show);

}  // namespace cti::edit
