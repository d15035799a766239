// Writing files safely: never overwrite, never leave half a file behind.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace cti {

// Creates `path` with `content` (O_EXCL: fails if it exists). Writes to a temporary
// file beside it and links it into place, so a crash leaves no partial file.
// Returns an error text on failure. `mode` is the new file's permission bits.
std::optional<std::string> write_new_file(const std::filesystem::path& path, const std::string& content,
                                          unsigned mode = 0644);

// Like write_new_file, but replaces an existing file atomically (rename).
std::optional<std::string> replace_file(const std::filesystem::path& path, const std::string& content,
                                        unsigned mode = 0644);

// Appends `line` to a text file unless a line equal to it is already there. A symbolic
// link is appended through (never replaced by a copy); a dangling one is an error.
std::optional<std::string> ensure_line(const std::filesystem::path& path, const std::string& line);

std::optional<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace cti
