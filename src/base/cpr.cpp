#include "base/cpr.hpp"

namespace cti::privacy {

int cpr_birth_year(int yy, int d7) {
  if (d7 <= 3) return 1900 + yy;
  if (d7 == 4 || d7 == 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;  // 5-8
}

std::optional<Cpr> Cpr::parse(std::string_view t) {
  std::string digits;
  if (t.size() == 11 && t[6] == '-')
    digits = std::string(t.substr(0, 6)) + std::string(t.substr(7));
  else if (t.size() == 10)
    digits = std::string(t);
  else
    return std::nullopt;
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  auto num = [&](int i) { return (digits[i] - '0') * 10 + (digits[i + 1] - '0'); };
  int dd = num(0), mm = num(2), yy = num(4), d7 = digits[6] - '0';
  Date birth{std::chrono::year{cpr_birth_year(yy, d7)}, std::chrono::month{static_cast<unsigned>(mm)},
             std::chrono::day{static_cast<unsigned>(dd)}};
  if (!birth.ok()) return std::nullopt;
  return Cpr(std::move(digits), birth);
}

std::string Cpr::reveal_for_report() const {
  return digits_.substr(0, 6) + "-" + digits_.substr(6);
}

}  // namespace cti::privacy
