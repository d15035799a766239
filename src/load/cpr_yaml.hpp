// The YAML side of [cpr-leak] (load/cpr_leak): a file's scalars as yaml-cpp parses them,
// where each one's source text ends, and whether a '#' starts a real YAML comment.
// Parsed once, on first use: most files need neither.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cti::cpr_yaml {

struct Scalar {
  std::size_t pos;  // where its source text starts (a quote, a block indicator, a letter)
  int line, col;    // 1-based
  std::string value;
  std::size_t body;       // where the scalar itself starts, after a tag or an anchor
  std::size_t end;        // one past its source text (for plain scalars: the next node's start)
  std::size_t last_line;  // where the line of its closing quote starts (quoted), else of pos
};

class View {
 public:
  explicit View(std::string_view text) : text_(text) {}
  const std::vector<Scalar>& scalars();
  // The start of the next node after byte `pos` (or the end of the text).
  std::size_t next_mark(std::size_t pos);
  // Whether a '#' at byte `hash` is a comment: not inside a quoted or block scalar, and
  // not past a syntax error (where what is a value cannot be told).
  bool is_comment(std::size_t hash);

 private:
  void parse();
  std::string_view text_;
  bool parsed_ = false;
  std::vector<Scalar> scalars_;
  std::vector<std::size_t> marks_;
  std::size_t readable_ = 0;  // bytes before the first syntax error (all when none)
};

}  // namespace cti::cpr_yaml
