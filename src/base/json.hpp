// The one JSON writer of cti: values in the order written, indented by two spaces
// (or compact), built on nlohmann-json (ordered_json), so every document is valid JSON.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

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

  // The document, ending with a newline; always valid UTF-8 (invalid bytes become U+FFFD).
  std::string str() const;

 private:
  struct Doc;  // the nlohmann-json document being built (json.cpp)
  nlohmann::ordered_json* put(nlohmann::ordered_json v);
  bool pretty_;
  std::shared_ptr<Doc> doc_;
};

std::string json_escape(std::string_view s);  // a JSON string, with the surrounding quotes

}  // namespace cti
