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

std::string redact_output(std::string_view t) {
  constexpr std::string_view mask = "XXXXXX-XXXX";
  std::string out;
  const std::size_t n = t.size();
  std::size_t last = 0;  // t[last, i) is not yet copied
  std::size_t i = 0;
  auto window_ok = [&](std::size_t a, std::size_t len) {
    for (std::size_t w = a; w + 10 <= a + len; ++w)
      if (Cpr::parse(t.substr(w, 10))) return true;
    return false;
  };
  while (i < n) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    std::size_t run = i;
    while (run < n && is_digit(t[run])) ++run;
    std::size_t end = 0;  // one past the masked span, 0 when nothing is masked
    if (run - i >= 10 && window_ok(i, run - i)) end = run;
    if (!end && run - i >= 6 && run + 1 < n && t[run] == '-' && is_digit(t[run + 1])) {
      std::size_t k = run + 1;
      while (k < n && is_digit(t[k])) ++k;
      if (k - (run + 1) >= 4) {
        std::string ten(t.substr(run - 6, 6));
        ten += t.substr(run + 1, 4);
        if (Cpr::parse(ten)) end = k;
      }
    }
    if (end) {
      out.append(t.substr(last, i - last));
      out.append(mask);
      last = i = end;
    } else {
      i = run;
    }
  }
  if (last == 0) return std::string(t);
  out.append(t.substr(last));
  return out;
}

}  // namespace cti::privacy
