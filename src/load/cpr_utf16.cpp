// UTF-16 text as UTF-8 for [cpr-leak] (see cpr_leak.hpp): with a byte-order mark, or
// without one when NUL bytes fill nearly every other place, as in a Notepad "Unicode"
// export of Danish text, even one with a character above U+00FF.
#include "base/unicode.hpp"
#include "load/cpr_leak.hpp"

namespace cti {

std::optional<std::string> decode_utf16(const std::string& b) {
  if (b.size() < 2) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  bool le;
  std::size_t start = 0;
  if (byte(0) == 0xFF && byte(1) == 0xFE) {
    le = true;
    start = 2;
  } else if (byte(0) == 0xFE && byte(1) == 0xFF) {
    le = false;
    start = 2;
  } else {
    // No mark: text of mostly Latin letters in UTF-16 has a NUL in nearly every other
    // byte of its start (a character above U+00FF has none), and none in the others.
    const std::size_t n = std::min<std::size_t>(b.size() & ~std::size_t{1}, 4096);
    if (n < 4) return std::nullopt;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
      even += byte(i) == 0;
      odd += byte(i + 1) == 0;
    }
    const std::size_t units = n / 2;
    auto mostly = [&](std::size_t k) { return k * 10 >= units * 7; };  // 70 % or more
    auto hardly = [&](std::size_t k) { return k * 20 <= units; };      // 5 % or less
    if (mostly(odd) && hardly(even) && byte(0) != 0)
      le = true;
    else if (mostly(even) && hardly(odd) && byte(1) != 0)
      le = false;
    else
      return std::nullopt;
  }
  std::string out;
  out.reserve(b.size() / 2);
  auto unit = [&](std::size_t i) -> char32_t {
    return le ? (byte(i) | (byte(i + 1) << 8)) : ((byte(i) << 8) | byte(i + 1));
  };
  for (std::size_t i = start; i + 1 < b.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        append_utf8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    append_utf8((u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u, out);
  }
  return out;
}

}  // namespace cti
