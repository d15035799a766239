// NFC for Latin script (base/unicode.hpp): decompose what the composition table can
// compose, put combining marks in canonical order, compose again (UAX #15, restricted
// to the table in unicode_table.inc).
#include "base/unicode.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace cti {

namespace {

struct Composition {
  char32_t base, mark, composed;
};

#include "base/unicode_table.inc"

int combining_class(char32_t c) {
  return c >= 0x300 && c < 0x370 ? kCombiningClass[c - 0x300] : 0;
}

std::optional<char32_t> nfc_compose(char32_t base, char32_t mark) {
  auto it = std::lower_bound(
      std::begin(kCompositions), std::end(kCompositions), Composition{base, mark, 0},
      [](const Composition& a, const Composition& b) { return a.base != b.base ? a.base < b.base : a.mark < b.mark; });
  if (it != std::end(kCompositions) && it->base == base && it->mark == mark) return it->composed;
  return std::nullopt;
}

const Composition* nfc_decomposition(char32_t c) {
  static const std::vector<Composition> by_composed = [] {
    std::vector<Composition> v(std::begin(kCompositions), std::end(kCompositions));
    std::sort(v.begin(), v.end(), [](const Composition& a, const Composition& b) { return a.composed < b.composed; });
    return v;
  }();
  auto it = std::lower_bound(by_composed.begin(), by_composed.end(), c,
                             [](const Composition& a, char32_t x) { return a.composed < x; });
  return it != by_composed.end() && it->composed == c ? &*it : nullptr;
}

char32_t nfc_singleton(char32_t c) {
  switch (c) {
    case 0x212B:
      return 0x00C5;  // ANGSTROM SIGN -> Å
    case 0x212A:
      return 0x004B;  // KELVIN SIGN -> K
    case 0x2126:
      return 0x03A9;  // OHM SIGN -> Ω
    case 0x0340:
      return 0x0300;  // COMBINING GRAVE TONE MARK
    case 0x0341:
      return 0x0301;  // COMBINING ACUTE TONE MARK
    default:
      return c;
  }
}

// The code points of valid UTF-8, else nothing.
std::optional<std::vector<char32_t>> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0) return std::nullopt;
    char32_t c = n == 0 ? b : n == 1 ? (b & 0x1F) : n == 2 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return std::nullopt;
      const auto t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80) return std::nullopt;
      c = (c << 6) | (t & 0x3F);
    }
    // Overlong forms, surrogates and beyond U+10FFFF are not UTF-8: left as they are.
    static constexpr char32_t kLeast[] = {0, 0x80, 0x800, 0x10000};
    if (c < kLeast[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return std::nullopt;
    out.push_back(c);
    i += n + 1;
  }
  return out;
}

void nfc_decompose_into(char32_t c, std::vector<char32_t>& out) {
  if (const Composition* d = nfc_decomposition(c)) {
    nfc_decompose_into(d->base, out);
    out.push_back(d->mark);
  } else {
    out.push_back(c);
  }
}

// A combining mark (U+0300-U+036F, as UTF-8 CC 80-CD AF) or a singleton (U+212A,
// U+212B, U+2126: E2 84 AA/AB/A6): text without one is already NFC here.
bool nfc_may_change(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == 0xCC || b == 0xCD) return true;
    if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x84) {
      const auto t = static_cast<unsigned char>(s[i + 2]);
      if (t == 0xAA || t == 0xAB || t == 0xA6) return true;
    }
  }
  return false;
}

}  // namespace

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string nfc(std::string_view text) {
  if (!nfc_may_change(text)) return std::string(text);
  auto cps = code_points(text);
  if (!cps) return std::string(text);
  // Decompose, then order each run of marks by combining class (stably).
  std::vector<char32_t> d;
  d.reserve(cps->size() + 8);
  for (char32_t c : *cps) nfc_decompose_into(nfc_singleton(c), d);
  for (std::size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.size() && combining_class(d[j]) != 0) ++j;
    std::stable_sort(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = j;
  }
  // Compose: a mark joins the last starter unless a mark of the same or a higher class
  // (or a starter) stands between them.
  std::vector<char32_t> out;
  out.reserve(d.size());
  std::optional<std::size_t> starter;
  int last_class = 0;
  for (char32_t c : d) {
    const int cc = combining_class(c);
    if (starter && cc != 0 && (out.size() - 1 == *starter || last_class < cc)) {
      if (auto composed = nfc_compose(out[*starter], c)) {
        out[*starter] = *composed;
        continue;
      }
    }
    if (cc == 0) starter = out.size();
    last_class = cc;
    out.push_back(c);
  }
  std::string s;
  s.reserve(text.size());
  for (char32_t c : out) append_utf8(c, s);
  return s;
}

bool is_nfc(std::string_view text) {
  return !nfc_may_change(text) || nfc(text) == text;
}

}  // namespace cti
