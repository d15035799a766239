#include "base/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"
#include "base/unicode.hpp"

namespace cti {

namespace {
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 0;
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    std::size_t j = 1;
    for (; j <= static_cast<std::size_t>(extra) && i + j < s.size(); ++j)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + j]) & 0x3F);
    out.push_back(cp);
    i += j;
  }
  return out;
}
}  // namespace

std::size_t edit_distance(std::string_view a8, std::string_view b8) {
  std::u32string a = decode(nfc(a8)), b = decode(nfc(b8));  // a decomposed 'å' is one letter
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates) {
  // Bounded work whatever is typed: no suggestion for an over-long word, and a candidate
  // whose length differs by more than the threshold is skipped without the O(n*m) table.
  constexpr std::size_t kMaxWord = 64;
  const std::size_t len = decode(word.substr(0, 4 * kMaxWord + 4)).size();
  if (len > kMaxWord) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(2, len / 3) + 1;
  for (const auto& c : candidates) {
    if (c.size() > 4 * kMaxWord) continue;
    const std::size_t clen = decode(c).size();
    if ((clen > len ? clen - len : len - clen) >= best_d) continue;  // distance >= length difference
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  // Never a suggestion that looks the same as the word (SPEC 2): the same word in NFC
  // was a match wherever text is normalised, so nothing is offered rather than a twin.
  if (auto s = suggest(word, candidates); s && nfc(*s) != nfc(word))
    return fmt::format(fmt::runtime(i18n::tr(" (did you mean '{}'?)", " (mente du '{}'?)")), *s);
  return {};
}

}  // namespace cti
