// SHA-1, for one purpose: the git blob id of a work-tree file, so `validate --staged`
// can tell for certain whether the bytes on disk are the staged bytes (DESIGN 2, SPEC 8).
#pragma once

#include <string>
#include <string_view>

namespace cti {

// SHA-1 of `data` as 40 lowercase hex digits.
std::string sha1_hex(std::string_view data);

// The id git gives a blob with this content: SHA-1 of "blob <size>\0<content>".
std::string git_blob_id(std::string_view content);

}  // namespace cti
