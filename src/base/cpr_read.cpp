// Possible CPR numbers as a person reads them (see cpr_read.hpp): one pass over the
// text, classifying each character as a digit, a separator, invisible or other, with a
// small state machine over the digit runs.
#include "base/cpr_read.hpp"

#include "base/cpr.hpp"

namespace cti::privacy {

namespace {

enum class Kind { digit, separator, blank, invisible, other };

struct Glyph {
  Kind kind;
  std::size_t size;  // bytes
  char digit = 0;
};

// The character at t[i]. Only the few multi-byte characters that matter are decoded; any
// other byte counts as "other" on its own, which is all a separator test needs.
Glyph classify(std::string_view t, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u; };
  const unsigned c = b(0);
  if (c >= '0' && c <= '9') return {Kind::digit, 1, static_cast<char>(c)};
  if (c == ' ' || c == '/' || c == '-') return {Kind::separator, 1};
  if (c == '\t' || c == '\r' || c == '\n') return {Kind::blank, 1};
  if (c < 0x80) return {Kind::other, 1};
  if (c == 0xC2) {
    if (b(1) == 0xA0) return {Kind::separator, 2};  // no-break space
    if (b(1) == 0xAD) return {Kind::invisible, 2};  // soft hyphen
  } else if (c == 0xE2 && b(1) == 0x80) {
    const unsigned d = b(2);
    if (d >= 0x80 && d <= 0x8A) return {Kind::separator, 3};  // en quad .. hair space
    if (d >= 0x8B && d <= 0x8D) return {Kind::invisible, 3};  // zero-width space, (non-)joiner
    if (d >= 0x90 && d <= 0x95) return {Kind::separator, 3};  // hyphen .. horizontal bar
    if (d == 0xAF) return {Kind::separator, 3};               // narrow no-break space
  } else if (c == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) {
    return {Kind::invisible, 3};  // word joiner
  } else if (c == 0xE2 && b(1) == 0x88 && (b(2) == 0x92 || b(2) == 0x95)) {
    return {Kind::separator, 3};  // minus sign, division slash
  } else if (c == 0xEF && b(1) == 0xBC) {
    const unsigned d = b(2);
    if (d >= 0x90 && d <= 0x99) return {Kind::digit, 3, static_cast<char>('0' + (d - 0x90))};  // fullwidth
    if (d == 0x8D || d == 0x8F) return {Kind::separator, 3};  // fullwidth hyphen-minus, solidus
  } else if (c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
    return {Kind::invisible, 3};  // zero-width no-break space
  } else if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
    return {Kind::separator, 3};  // ideographic space
  }
  return {Kind::other, 1};
}

struct Run {
  std::size_t start = 0, end = 0;  // bytes of the first digit, one past the last
  std::size_t count = 0;
  char digits[10] = {};
  void add(char d, std::size_t at, std::size_t size) {
    if (count == 0) start = at;
    if (count < 10) digits[count] = d;
    ++count;
    end = at + size;
  }
};

constexpr std::size_t kMaxSeparators = 3;

}  // namespace

std::vector<ReadHit> find_cpr_readable(std::string_view t, ReadOptions how) {
  std::vector<ReadHit> hits;
  Run run, six;           // the run being read; the last run of exactly six digits
  bool six_open = false;  // `six` may still be followed by the serial number
  std::size_t seps = 0;   // separators since the last run ended
  bool bad_gap = false;   // something between that no person reads as a separator
  std::size_t seps_before = 0;
  bool gap_ok_before = false;
  auto emit = [&](std::size_t start, std::size_t end, const char* first, std::size_t n1, const char* second,
                  std::size_t n2) {
    ReadHit h{start, end - start, {}};
    for (std::size_t k = 0; k < n1; ++k) h.digits[k] = first[k];
    for (std::size_t k = 0; k < n2; ++k) h.digits[n1 + k] = second[k];
    if (Cpr::parse(h.number())) hits.push_back(h);
  };
  auto close = [&] {
    if (run.count == 0) return;
    if (run.count == 10) {
      emit(run.start, run.end, run.digits, 10, nullptr, 0);
    } else if (run.count == 4 && six_open && gap_ok_before && seps_before >= 1 &&
               (how.across_lines || seps_before <= kMaxSeparators)) {
      emit(six.start, run.end, six.digits, 6, run.digits, 4);
    }
    six_open = run.count == 6;
    if (six_open) six = run;
    run = Run{};
    seps = 0;
    bad_gap = false;
  };
  for (std::size_t i = 0; i < t.size();) {
    if (run.count == 0 && !six_open) {
      // Between numbers nothing but a digit matters: skip plain ASCII text at once.
      while (i < t.size() && static_cast<unsigned char>(t[i]) < 0x80 && (t[i] < '0' || t[i] > '9')) ++i;
      if (i == t.size()) break;
      seps = 0;
      bad_gap = false;
    }
    const Glyph g = classify(t, i);
    switch (g.kind) {
      case Kind::digit:
        if (run.count == 0) {
          seps_before = seps;
          gap_ok_before = !bad_gap;
        }
        run.add(g.digit, i, g.size);
        break;
      case Kind::invisible:
        break;  // neither ends a run nor separates
      case Kind::separator:
        close();
        ++seps;
        break;
      case Kind::blank:
        close();
        if (how.across_lines)
          ++seps;
        else
          bad_gap = true;
        break;
      case Kind::other:
        close();
        six_open = false;
        break;
    }
    i += g.size;
  }
  close();
  return hits;
}

std::string cpr_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Glyph g = classify(text, i);
    if (g.kind == Kind::digit) out += g.digit;
    i += g.size;
  }
  return out;
}

}  // namespace cti::privacy
