// The linear-time matcher's runner (see linear_regex.hpp): the compiled NFA run over the
// text's code points as a Pike VM, one thread per instruction, so a text of n code points
// costs O(n x program size) whatever the pattern.
#include <cstdint>

#include "base/linear_regex.hpp"

namespace cti::privacy {

namespace {

bool is_word(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

void decode_utf8(std::string_view t, std::vector<char32_t>& cps, std::vector<std::size_t>& at) {
  cps.clear();
  at.clear();
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    bool valid = i + n <= t.size();
    for (std::size_t k = 1; valid && k < n; ++k) {
      const auto d = static_cast<unsigned char>(t[i + k]);
      valid = (d & 0xC0) == 0x80;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (!valid) {
      n = 1;
      cp = 0xFFFD;
    }
    cps.push_back(cp);
    at.push_back(i);
    i += n;
  }
  at.push_back(t.size());
}

bool LinearRegex::covers(std::string_view text, std::size_t from, std::size_t to, bool line_start,
                         bool line_end) const {
  if (program_.empty()) return false;
  std::vector<char32_t> cps;
  std::vector<std::size_t> at;
  decode_utf8(text, cps, at);
  const std::size_t n = cps.size();
  // Code-point positions: start at or before `from`, end at or after `to`.
  std::size_t from_cp = 0, to_cp = n;
  while (from_cp + 1 <= n && at[from_cp + 1] <= from) ++from_cp;
  for (std::size_t k = 0; k <= n; ++k)
    if (at[k] >= to) {
      to_cp = k;
      break;
    }
  const std::size_t size = program_.size();
  std::vector<int> clist, nlist, stack;
  std::vector<std::size_t> seen(size, SIZE_MAX);
  clist.reserve(size);
  nlist.reserve(size);
  auto word_at = [&](std::size_t pos) { return pos < n && is_word(cps[pos]); };
  // Adds pc and what it reaches without consuming, at position pos (a generation mark per position).
  auto add = [&](std::vector<int>& list, int start, std::size_t pos) {
    stack.push_back(start);
    while (!stack.empty()) {
      const int pc = stack.back();
      stack.pop_back();
      if (seen[pc] == pos) continue;
      seen[pc] = pos;
      const Inst& in = program_[pc];
      const bool boundary = (pos > 0 && word_at(pos - 1)) != word_at(pos);
      switch (in.op) {
        case Inst::jmp:
          stack.push_back(in.x);
          break;
        case Inst::split:
          stack.push_back(in.y);
          stack.push_back(in.x);
          break;
        case Inst::assert_bol:
          if (pos == 0 && line_start) stack.push_back(pc + 1);
          break;
        case Inst::assert_eol:
          if (pos == n && line_end) stack.push_back(pc + 1);
          break;
        case Inst::assert_word:
          if (boundary) stack.push_back(pc + 1);
          break;
        case Inst::assert_not_word:
          if (!boundary) stack.push_back(pc + 1);
          break;
        default:
          list.push_back(pc);
      }
    }
  };
  for (std::size_t pos = 0;; ++pos) {
    if (pos <= from_cp) add(clist, 0, pos);
    if (clist.empty() && pos > from_cp) return false;
    if (pos >= to_cp)
      for (int pc : clist)
        if (program_[pc].op == Inst::match) return true;
    if (pos == n) return false;
    nlist.clear();
    const char32_t c = cps[pos];
    for (int pc : clist) {
      const Inst& in = program_[pc];
      bool step = false;
      if (in.op == Inst::chr) {
        step = in.c == c;
      } else if (in.op == Inst::any) {
        step = c != '\n' && c != '\r';
      } else if (in.op == Inst::cls) {
        bool hit = false;
        for (const auto& r : classes_[in.x]) hit = hit || (c >= r.lo && c <= r.hi);
        step = hit != in.negated;
      }
      if (step) add(nlist, pc + 1, pos + 1);
    }
    std::swap(clist, nlist);
  }
}

}  // namespace cti::privacy
