// The one JSON writer of cti: values in the order written, indented by two spaces
// (or compact). Written straight to text as the calls come, in exactly the layout of
// nlohmann-json's dump (which writes what a streaming writer cannot check cheaply: a
// double, and a string that is not UTF-8), so every document is valid JSON. Each key is
// written once per object.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/parallel.hpp"

namespace cti {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n);
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(double d);  // inf and nan are written as null
  JsonWriter& value(bool b);
  JsonWriter& null();

  // `n` items of the array being written, item i by write(writer, i), which writes exactly
  // one value: on all cores in blocks of `block`, each block by a writer of its own at
  // this depth, joined in order, so the text is that of writing them here one by one.
  template <class Fn>
  JsonWriter& items(std::size_t n, std::size_t block, Fn&& write);

  // The document, ending with a newline; always valid UTF-8 (invalid bytes become U+FFFD).
  // Containers still open are closed in it; with nothing written it is "null".
  std::string str() const&;
  // The same, taking the text out of a writer that is done (no copy of a large document).
  std::string str() &&;
  // Room for about `bytes` of text, when the caller knows the document is large.
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  struct Open {
    bool object = false;
    bool has_items = false;
  };
  void close(bool object);
  // A writer for items after this one's, with the same containers open.
  JsonWriter nested(bool has_items) const;
  // Starts the next value: the comma, line break and indent, and the key in an object.
  void next();
  bool pretty_;
  bool has_root_ = false;
  std::string out_;
  std::string key_;         // the key the next value is written under (in an object)
  std::vector<Open> open_;  // the containers being written, innermost last
};

template <class Fn>
JsonWriter& JsonWriter::items(std::size_t n, std::size_t block, Fn&& write) {
  block = block == 0 ? 1 : block;
  std::vector<std::string> parts((n + block - 1) / block);
  const bool had = !open_.empty() && open_.back().has_items;
  for_each_index(parts.size(), 1, [&](std::size_t b) {
    JsonWriter part = nested(b > 0 || had);
    for (std::size_t i = b * block; i < n && i < (b + 1) * block; ++i) write(part, i);
    parts[b] = std::move(part.out_);
  });
  for (const auto& p : parts) out_ += p;
  if (n > 0 && !open_.empty()) open_.back().has_items = true;
  return *this;
}

std::string json_escape(std::string_view s);  // a JSON string, with the surrounding quotes

}  // namespace cti
