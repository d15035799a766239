// The [cpr-leak] allowlist (see cpr_leak.hpp): cti.yaml cpr_tilladt, each entry an exact
// number or a `re:` pattern run by the linear-time matcher, judged for one number at a time.
#include <algorithm>

#include "load/cpr_leak.hpp"

namespace cti {

CprAllowlist make_allowlist(const Project& p) {
  CprAllowlist a;
  for (const auto& f : p.cpr_allowed) {
    const std::string& v = f.value;
    if (v.rfind("re:", 0) == 0) {
      auto re = privacy::LinearRegex::compile(std::string_view(v).substr(3));
      if (re.ok()) a.patterns.push_back(std::move(re));  // else project_loader reports it
    } else {
      a.exact.push_back(v);
      a.exact_digits.push_back(privacy::cpr_digits(v));
    }
  }
  return a;
}

namespace {

// A pattern looks at most kReach bytes either side of the number, so a long line costs
// the same per number.
constexpr std::size_t kReach = 80;

}  // namespace

bool cpr_allowed(const CprAllowlist& a, std::string_view text, const privacy::ReadHit& h, std::size_t line_from,
                 std::size_t line_to) {
  const std::string_view digits = h.number();
  for (const auto& e : a.exact_digits)
    if (e == digits) return true;
  if (a.patterns.empty()) return false;
  const std::size_t from = h.offset, to = h.offset + h.length;
  const std::size_t lo = from - line_from > kReach ? from - kReach : line_from;
  const std::size_t hi = std::min(line_to, to + kReach);
  const std::string_view window = text.substr(lo, hi - lo);
  const bool line_start = lo == line_from, line_end = hi == line_to;
  for (const auto& re : a.patterns)
    if (re.covers(window, from - lo, to - lo, line_start, line_end)) return true;
  // The number as DDMMYY-SSSS, for a pattern written for that spelling.
  std::string canonical(digits.substr(0, 6));
  canonical += '-';
  canonical += digits.substr(6);
  if (text.substr(from, to - from) == canonical) return false;
  std::string respelled(text.substr(lo, from - lo));
  respelled += canonical;
  respelled += text.substr(to, hi - to);
  for (const auto& re : a.patterns)
    if (re.covers(respelled, from - lo, from - lo + canonical.size(), line_start, line_end)) return true;
  return false;
}

bool name_holds_cpr(std::string_view name, const CprAllowlist& allow) {
  for (const auto& h : privacy::find_cpr_readable(name))
    if (!cpr_allowed(allow, name, h, 0, name.size())) return true;
  return false;
}

}  // namespace cti
