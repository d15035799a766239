// JsonWriter on nlohmann-json: the calls build an ordered document (keys in the order
// written), which str() dumps. The dump is always valid JSON: bytes that are not UTF-8
// become U+FFFD, and a double that is not finite (inf, nan) is written as null.
#include "base/json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace cti {

using Json = nlohmann::ordered_json;

struct JsonWriter::Doc {
  Json root;
  std::vector<Json*> open;  // the containers being written, innermost last
  std::string key;          // the key the next value is written under (in an object)
  bool has_root = false;
};

JsonWriter::JsonWriter(bool pretty) : pretty_(pretty), doc_(std::make_shared<Doc>()) {}

// Puts v where the next value goes; returns it (for a container about to be opened).
Json* JsonWriter::put(Json v) {
  Doc& d = *doc_;
  if (d.open.empty()) {
    d.root = std::move(v);
    d.has_root = true;
    return &d.root;
  }
  Json& top = *d.open.back();
  if (top.is_array()) {
    top.push_back(std::move(v));
    return &top.back();
  }
  top[d.key] = std::move(v);
  return &top[d.key];
}

JsonWriter& JsonWriter::begin_object() {
  doc_->open.push_back(put(Json::object()));
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (!doc_->open.empty()) doc_->open.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  doc_->open.push_back(put(Json::array()));
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  return end_object();
}

JsonWriter& JsonWriter::key(std::string_view k) {
  doc_->key = std::string(k);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  put(std::string(s));
  return *this;
}

JsonWriter& JsonWriter::value(long long n) {
  put(n);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  // A whole number is written without a fraction (10, not 10.0), as before; inf and
  // nan, which JSON has no word for, as null.
  if (!std::isfinite(d))
    put(nullptr);
  else if (d == std::trunc(d) && std::fabs(d) < 9.0e15)
    put(static_cast<long long>(d));
  else
    put(d);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  put(b);
  return *this;
}

JsonWriter& JsonWriter::null() {
  put(nullptr);
  return *this;
}

std::string JsonWriter::str() const {
  const Json& j = doc_->has_root ? doc_->root : Json();
  return j.dump(pretty_ ? 2 : -1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string json_escape(std::string_view s) {
  return Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cti
