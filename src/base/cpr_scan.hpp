// Finding possible CPR numbers in free text, and keeping them out of every message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cti::privacy {

struct CprHit {
  std::size_t offset;  // byte offset of the first digit
  std::size_t length;  // 10 or 11
};

// Every DDMMYY-SSSS or DDMMYYSSSS not adjacent to other digits whose first six digits
// are a real date (century per the 7th digit). These are *possible* CPR numbers.
std::vector<CprHit> find_cpr_candidates(std::string_view text);

// text with every possible CPR number replaced by "XXXXXX-XXXX".
std::string redact(std::string_view text);

// The output gate's stricter mask: like redact(), and also any run of digits that holds
// a possible CPR number anywhere in it (01019012345 holds 0101901234), and DDMMYY-SSSS
// inside longer digit runs on either side of the dash. Over-masking a long number in
// output is harmless; printing nine or ten digits of a CPR number is not.
std::string redact_output(std::string_view text);

}  // namespace cti::privacy
