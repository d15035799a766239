#include "base/cpr_scan.hpp"

#include "base/cpr.hpp"

namespace cti::privacy {

namespace {
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

std::vector<CprHit> find_cpr_candidates(std::string_view t) {
  std::vector<CprHit> hits;
  std::size_t i = 0;
  const std::size_t n = t.size();
  while (i < n) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    std::size_t run = i;
    while (run < n && is_digit(t[run])) ++run;
    std::size_t len = run - i;
    if (len == 10) {
      if (Cpr::parse(t.substr(i, 10))) hits.push_back({i, 10});
    } else if (len == 6 && run + 5 <= n && t[run] == '-') {
      std::size_t j = run + 1;
      std::size_t k = j;
      while (k < n && is_digit(t[k])) ++k;
      if (k - j == 4 && Cpr::parse(t.substr(i, 11))) {
        hits.push_back({i, 11});
        i = k;
        continue;
      }
    }
    i = run;
  }
  return hits;
}

std::string redact(std::string_view text) {
  auto hits = find_cpr_candidates(text);
  if (hits.empty()) return std::string(text);
  std::string out;
  std::size_t last = 0;
  for (const auto& h : hits) {
    out.append(text.substr(last, h.offset - last));
    out.append("XXXXXX-XXXX");
    last = h.offset + h.length;
  }
  out.append(text.substr(last));
  return out;
}

std::size_t next_output_mask(std::string_view t, std::size_t from, std::size_t& end) {
  const std::size_t n = t.size();
  auto window_ok = [&](std::size_t a, std::size_t len) {
    for (std::size_t w = a; w + 10 <= a + len; ++w)
      if (Cpr::parse(t.substr(w, 10))) return true;
    return false;
  };
  std::size_t i = from;
  while (i < n) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    std::size_t run = i;
    while (run < n && is_digit(t[run])) ++run;
    if (run - i >= 10 && window_ok(i, run - i)) {
      end = run;
      return i;
    }
    if (run - i >= 6 && run + 1 < n && t[run] == '-' && is_digit(t[run + 1])) {
      std::size_t k = run + 1;
      while (k < n && is_digit(t[k])) ++k;
      if (k - (run + 1) >= 4) {
        char ten[10];
        t.copy(ten, 6, run - 6);
        t.copy(ten + 6, 4, run + 1);
        if (Cpr::parse(std::string_view(ten, 10))) {
          end = k;
          return i;
        }
      }
    }
    i = run;
  }
  return std::string_view::npos;
}

std::string redact_output(std::string_view t) {
  std::string out;
  for_each_output_piece(t, [&](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace cti::privacy
