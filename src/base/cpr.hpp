// CPR numbers: parsing and validation, and a type that cannot be printed by accident.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/date.hpp"

namespace cti::privacy {

// A validated CPR number. It has no operator<<, no fmt formatter and no implicit
// conversion: the only way to get its digits out is reveal_for_report(), which the
// quarterly report calls when it writes the file the user asked for.
class Cpr {
 public:
  // DDMMYY-SSSS or DDMMYYSSSS whose first six digits are a real date, with the century
  // taken from the 7th digit (CPR office table). Modulus 11 is deliberately not checked.
  static std::optional<Cpr> parse(std::string_view text);

  Date birth_date() const { return birth_; }
  // Always "DDMMYY-SSSS", with the dash.
  std::string reveal_for_report() const;

  friend bool operator==(const Cpr& a, const Cpr& b) { return a.digits_ == b.digits_; }
  friend bool operator<(const Cpr& a, const Cpr& b) { return a.digits_ < b.digits_; }

 private:
  Cpr(std::string digits, Date birth) : digits_(std::move(digits)), birth_(birth) {}
  std::string digits_;  // ten digits, no dash
  Date birth_;
};

// The birth year for two-digit year yy and the 7th digit (0-9), per the CPR office's table.
int cpr_birth_year(int yy, int seventh_digit);

}  // namespace cti::privacy
