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

// What redact_output() replaces: the first span at or after `from` to mask, as its start
// (npos when there is none) and, in `end`, one past its last byte.
std::size_t next_output_mask(std::string_view text, std::size_t from, std::size_t& end);
inline constexpr std::string_view kOutputMask = "XXXXXX-XXXX";

// redact_output()'s text in pieces, in order: put(piece) for each run of `text` between
// the spans it masks and for the mask in each span's place. For a writer that needs no
// masked copy of the whole (the output gate); redact_output() appends the pieces.
template <class Put>
void for_each_output_piece(std::string_view text, Put&& put) {
  std::size_t last = 0, end = 0;
  for (std::size_t at = next_output_mask(text, 0, end); at != std::string_view::npos;
       at = next_output_mask(text, last, end)) {
    if (at > last) put(text.substr(last, at - last));
    put(kOutputMask);
    last = end;
  }
  if (last < text.size()) put(text.substr(last));
}

}  // namespace cti::privacy
