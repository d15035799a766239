// The linear-time matcher's compiler (see linear_regex.hpp): a recursive-descent parser to
// a small syntax tree, compiled to NFA instructions (run by linear_regex_run.cpp).
#include "base/linear_regex.hpp"

#include <memory>

namespace cti::privacy {

namespace {

constexpr std::size_t kMaxProgram = 20000;  // instructions, after expanding {n,m}
constexpr int kMaxCount = 1000;             // the largest n or m in {n,m}

struct Node {
  enum Type { lit, cls, any, cat, alt, repeat, empty, bol, eol, word, not_word } type;
  char32_t c = 0;
  int cls_index = 0;
  bool negated = false;
  int min = 0, max = -1;  // repeat; max -1: unbounded
  std::vector<std::unique_ptr<Node>> kids;
};
using NodeP = std::unique_ptr<Node>;

NodeP make(Node::Type t) {
  auto n = std::make_unique<Node>();
  n->type = t;
  return n;
}

}  // namespace

struct RegexCompiler {
  std::vector<char32_t> p;
  std::size_t i = 0;
  int depth = 0;  // of open groups: a deep nest is refused, not a stack overflow
  std::string error;
  std::vector<std::vector<LinearRegex::Range>> classes;

  bool more() const { return i < p.size(); }
  bool fail(const char* why) {
    if (error.empty()) error = why;
    return false;
  }

  // \d \w \s and their negations, as ranges (the negation is the caller's flag).
  static bool shorthand(char32_t e, std::vector<LinearRegex::Range>& out, bool& negated) {
    const char32_t lower = e | 0x20;
    if (lower != 'd' && lower != 'w' && lower != 's') return false;
    negated = e != lower;
    if (lower == 'd') out.push_back({'0', '9'});
    if (lower == 'w') out.insert(out.end(), {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {'_', '_'}});
    if (lower == 's')
      out.insert(out.end(), {{'\t', '\r'},
                             {' ', ' '},
                             {0xA0, 0xA0},
                             {0x1680, 0x1680},
                             {0x2000, 0x200A},
                             {0x2028, 0x2029},
                             {0x202F, 0x202F},
                             {0x205F, 0x205F},
                             {0x3000, 0x3000},
                             {0xFEFF, 0xFEFF}});
    return true;
  }

  static char32_t escaped_char(char32_t e) {
    switch (e) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return 0;
      default:
        return e;
    }
  }

  int add_class(std::vector<LinearRegex::Range> r) {
    classes.push_back(std::move(r));
    return static_cast<int>(classes.size()) - 1;
  }

  NodeP parse_class() {  // after '['
    auto n = make(Node::cls);
    std::vector<LinearRegex::Range> ranges;
    if (more() && p[i] == '^') {
      n->negated = true;
      ++i;
    }
    bool first = true;
    while (more() && (p[i] != ']' || first)) {
      first = false;
      char32_t lo = p[i++];
      if (lo == '\\') {
        if (!more()) return fail("a pattern may not end with '\\'"), nullptr;
        const char32_t e = p[i++];
        std::vector<LinearRegex::Range> sh;
        bool neg = false;
        if (shorthand(e, sh, neg)) {
          if (neg) return fail("\\D, \\W and \\S are not supported inside [ ]"), nullptr;
          ranges.insert(ranges.end(), sh.begin(), sh.end());
          continue;
        }
        if (e >= '1' && e <= '9') return fail("backreferences are not supported"), nullptr;
        lo = e == 'b' ? '\b' : escaped_char(e);
      }
      char32_t hi = lo;
      if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
        ++i;
        hi = p[i++];
        if (hi == '\\') {
          if (!more()) return fail("a pattern may not end with '\\'"), nullptr;
          hi = escaped_char(p[i++]);
        }
        if (hi < lo) return fail("a range in [ ] runs backwards"), nullptr;
      }
      ranges.push_back({lo, hi});
    }
    if (!more()) return fail("a '[' is not closed"), nullptr;
    ++i;  // ']'
    n->cls_index = add_class(std::move(ranges));
    return n;
  }

  NodeP parse_atom() {
    const char32_t c = p[i++];
    switch (c) {
      case '.':
        return make(Node::any);
      case '^':
        return make(Node::bol);
      case '$':
        return make(Node::eol);
      case '[':
        return parse_class();
      case '(': {
        if (++depth > 100) return fail("groups are nested more than 100 deep"), nullptr;
        if (i < p.size() && p[i] == '?') {
          if (i + 1 < p.size() && p[i + 1] == ':')
            i += 2;
          else
            return fail("lookahead, lookbehind and named groups are not supported"), nullptr;
        }
        NodeP inner = parse_alt();
        if (!inner) return nullptr;
        if (!more() || p[i] != ')') return fail("a '(' is not closed"), nullptr;
        ++i;
        --depth;
        return inner;
      }
      case ')':
        return fail("a ')' has no '('"), nullptr;
      case '*':
      case '+':
      case '?':
        return fail("a quantifier has nothing to repeat"), nullptr;
      case '\\': {
        if (!more()) return fail("a pattern may not end with '\\'"), nullptr;
        const char32_t e = p[i++];
        std::vector<LinearRegex::Range> sh;
        bool neg = false;
        if (shorthand(e, sh, neg)) {
          auto n = make(Node::cls);
          n->negated = neg;
          n->cls_index = add_class(std::move(sh));
          return n;
        }
        if (e == 'b') return make(Node::word);
        if (e == 'B') return make(Node::not_word);
        if (e >= '1' && e <= '9') return fail("backreferences are not supported"), nullptr;
        auto n = make(Node::lit);
        n->c = escaped_char(e);
        return n;
      }
      default: {
        auto n = make(Node::lit);
        n->c = c;
        return n;
      }
    }
  }

  bool parse_number(int& out) {
    if (!more() || p[i] < '0' || p[i] > '9') return false;
    long v = 0;
    while (more() && p[i] >= '0' && p[i] <= '9') {
      v = v * 10 + (p[i++] - '0');
      if (v > kMaxCount) return fail("a count in { } is above 1000");
    }
    out = static_cast<int>(v);
    return true;
  }

  NodeP parse_repeat() {
    NodeP atom = parse_atom();
    for (int quantifiers = 0; atom && more(); ++quantifiers) {
      int min = 0, max = -1;
      const char32_t q = p[i];
      if (q == '*') {
        ++i;
      } else if (q == '+') {
        min = 1;
        ++i;
      } else if (q == '?') {
        max = 1;
        ++i;
      } else if (q == '{') {
        const std::size_t save = i++;
        if (!parse_number(min)) {
          if (!error.empty()) return nullptr;
          i = save;  // a literal '{', as ECMAScript reads it
          break;
        }
        max = min;
        if (more() && p[i] == ',') {
          ++i;
          max = -1;
          if (more() && p[i] != '}' && !parse_number(max)) return fail("a '{' count is not closed"), nullptr;
        }
        if (!more() || p[i] != '}') return fail("a '{' count is not closed"), nullptr;
        ++i;
        if (max != -1 && max < min) return fail("a count in { } runs backwards"), nullptr;
      } else {
        break;
      }
      if (quantifiers > 0) return fail("a quantifier has nothing to repeat"), nullptr;
      if (more() && p[i] == '?') ++i;  // lazy: the same set of matches
      if (atom->type == Node::bol || atom->type == Node::eol || atom->type == Node::word ||
          atom->type == Node::not_word)
        return fail("an anchor cannot be repeated"), nullptr;
      auto r = make(Node::repeat);
      r->min = min;
      r->max = max;
      r->kids.push_back(std::move(atom));
      atom = std::move(r);
    }
    return atom;
  }

  NodeP parse_cat() {
    auto n = make(Node::cat);
    while (more() && p[i] != '|' && p[i] != ')') {
      NodeP r = parse_repeat();
      if (!r) return nullptr;
      n->kids.push_back(std::move(r));
    }
    return n;
  }

  NodeP parse_alt() {
    NodeP first = parse_cat();
    if (!first || !more() || p[i] != '|') return first;
    auto n = make(Node::alt);
    n->kids.push_back(std::move(first));
    while (more() && p[i] == '|') {
      ++i;
      NodeP next = parse_cat();
      if (!next) return nullptr;
      n->kids.push_back(std::move(next));
    }
    return n;
  }

  // Emission into `prog`.
  std::vector<LinearRegex::Inst> prog;
  using I = LinearRegex::Inst;
  int emit(I inst) {
    prog.push_back(inst);
    return static_cast<int>(prog.size()) - 1;
  }
  bool too_big() { return prog.size() > kMaxProgram && fail("the pattern is too large once its counts are expanded"); }

  bool gen(const Node& n) {
    if (too_big() || !error.empty()) return false;
    switch (n.type) {
      case Node::lit:
        emit({I::chr, n.c});
        return true;
      case Node::any:
        emit({I::any});
        return true;
      case Node::cls:
        emit({I::cls, 0, n.cls_index, 0, n.negated});
        return true;
      case Node::bol:
        emit({I::assert_bol});
        return true;
      case Node::eol:
        emit({I::assert_eol});
        return true;
      case Node::word:
        emit({I::assert_word});
        return true;
      case Node::not_word:
        emit({I::assert_not_word});
        return true;
      case Node::empty:
        return true;
      case Node::cat:
        for (const auto& k : n.kids)
          if (!gen(*k)) return false;
        return true;
      case Node::alt: {
        std::vector<int> jumps;
        for (std::size_t k = 0; k < n.kids.size(); ++k) {
          if (k + 1 < n.kids.size()) {
            const int split = emit({I::split});
            prog[split].x = split + 1;
            if (!gen(*n.kids[k])) return false;
            jumps.push_back(emit({I::jmp}));
            prog[split].y = static_cast<int>(prog.size());
          } else if (!gen(*n.kids[k])) {
            return false;
          }
        }
        for (int j : jumps) prog[j].x = static_cast<int>(prog.size());
        return true;
      }
      case Node::repeat: {
        const Node& body = *n.kids[0];
        for (int k = 0; k < n.min; ++k)
          if (!gen(body)) return false;
        if (n.max == -1) {
          const int split = emit({I::split});
          prog[split].x = split + 1;
          if (!gen(body)) return false;
          const int back = emit({I::jmp});
          prog[back].x = split;
          prog[split].y = static_cast<int>(prog.size());
          return true;
        }
        std::vector<int> splits;
        for (int k = n.min; k < n.max; ++k) {
          const int split = emit({I::split});
          prog[split].x = split + 1;
          splits.push_back(split);
          if (!gen(body)) return false;
        }
        for (int s : splits) prog[s].y = static_cast<int>(prog.size());
        return true;
      }
    }
    return false;
  }
};

LinearRegex LinearRegex::compile(std::string_view pattern, std::string* error) {
  RegexCompiler rc;
  std::vector<std::size_t> at;
  decode_utf8(pattern, rc.p, at);
  NodeP root = rc.parse_alt();
  if (root && rc.more()) rc.fail("a ')' has no '('");
  LinearRegex re;
  if (root && rc.error.empty() && rc.gen(*root) && !rc.too_big()) {
    rc.emit({Inst::match});
    re.program_ = std::move(rc.prog);
    re.classes_ = std::move(rc.classes);
  } else if (error) {
    *error = rc.error.empty() ? "the pattern is not valid" : rc.error;
  }
  return re;
}

}  // namespace cti::privacy
