// A loaded forløb record and its diagnostics as bytes, and back: what the cache of
// checked files (load/case_cache) keeps per file. The encoding is private to one cti
// build (the cache key holds the build), so it has no versions of its own; decoding
// checks every length against the bytes and fails on anything damaged, never trusts it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/forloeb.hpp"
#include "base/source.hpp"

namespace cti {

struct CachedCase {
  Forloeb record;     // as load_forloeb gave it (record.diagnostics empty)
  Diagnostics diags;  // what reading it reported ([cpr-leak] and the loader's)
};

std::string encode_case(const Forloeb& record, const Diagnostics& diags);

// Nothing when the bytes are not exactly one encoded case.
std::optional<CachedCase> decode_case(std::string_view bytes);
// The same straight into `record` and `diags` (no copy of a large record); false when the
// bytes are not exactly one encoded case, and then both hold something partial.
bool decode_case(std::string_view bytes, Forloeb& record, Diagnostics& diags);

}  // namespace cti
