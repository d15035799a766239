// Writing files safely: never overwrite, never leave half a file behind.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace cti {

// Creates `path` with `content`; fails if it exists. Written nameless and linked into
// place when complete (io/atomic_file.hpp), so a crash leaves no partial file.
// Returns an error text on failure. `mode` is the new file's permission bits.
std::optional<std::string> write_new_file(const std::filesystem::path& path, const std::string& content,
                                          unsigned mode = 0644);

// Like write_new_file, but replaces an existing file atomically (rename).
std::optional<std::string> replace_file(const std::filesystem::path& path, const std::string& content,
                                        unsigned mode = 0644);

// Appends `line` to a text file unless a line equal to it is already there. A symbolic
// link is appended through (never replaced by a copy); a dangling one is an error.
std::optional<std::string> ensure_line(const std::filesystem::path& path, const std::string& line);

// A whole regular file (io/input_file.hpp: never blocks on a FIFO or a device); nothing
// when it cannot be read. read_input says why.
std::optional<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace cti
