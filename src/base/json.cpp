// JsonWriter: text written as the calls come, in nlohmann-json's dump layout (two-space
// indent, "key": value, empty containers inline, or compact). A string that is UTF-8 is
// escaped here as nlohmann escapes it; any other string, and a double with a fraction,
// are written by nlohmann itself (bytes that are not UTF-8 become U+FFFD), so the text
// is the same as a dump of the whole document, without building one.
#include "base/json.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace cti {

namespace {

using Json = nlohmann::ordered_json;

// Whether `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// past U+10FFFF).
bool is_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  auto cont = [&](const unsigned char* q, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return q < end && *q >= lo && *q <= hi;
  };
  while (p < end) {
    const unsigned char b = *p;
    if (b < 0x80) {
      ++p;
    } else if (b >= 0xC2 && b <= 0xDF && cont(p + 1)) {
      p += 2;
    } else if (b >= 0xE0 && b <= 0xEF && cont(p + 1, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF) && cont(p + 2)) {
      p += 3;
    } else if (b >= 0xF0 && b <= 0xF4 && cont(p + 1, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF) && cont(p + 2) &&
               cont(p + 3)) {
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

// `s` as a JSON string with its quotes, appended to `out`.
void put_string(std::string& out, std::string_view s) {
  if (!is_utf8(s)) {
    out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, from, i - from);
    from = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xf];
      }
    }
  }
  out.append(s, from, s.size() - from);
  out += '"';
}

}  // namespace

JsonWriter::JsonWriter(bool pretty) : pretty_(pretty) {}

void JsonWriter::next() {
  if (open_.empty()) {  // a value at the top is the document (a second one replaces it)
    if (has_root_) out_.clear();
    has_root_ = true;
    return;
  }
  Open& o = open_.back();
  if (o.has_items) out_ += ',';
  o.has_items = true;
  if (pretty_) {
    out_ += '\n';
    out_.append(2 * open_.size(), ' ');
  }
  if (o.object) {
    put_string(out_, key_);
    out_ += pretty_ ? ": " : ":";
  }
}

void JsonWriter::close(bool object) {
  if (open_.back().has_items && pretty_) {
    out_ += '\n';
    out_.append(2 * (open_.size() - 1), ' ');
  }
  out_ += object ? '}' : ']';
  open_.pop_back();
}

JsonWriter JsonWriter::nested(bool has_items) const {
  JsonWriter w(pretty_);
  w.has_root_ = true;
  w.open_ = open_;
  if (!w.open_.empty()) w.open_.back().has_items = has_items;
  return w;
}

JsonWriter& JsonWriter::begin_object() {
  next();
  out_ += '{';
  open_.push_back({true, false});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (!open_.empty()) close(open_.back().object);
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  next();
  out_ += '[';
  open_.push_back({false, false});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  return end_object();
}

JsonWriter& JsonWriter::key(std::string_view k) {
  key_.assign(k);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  next();
  put_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(long long n) {
  next();
  char buf[24];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  // A whole number is written without a fraction (10, not 10.0), as before; inf and
  // nan, which JSON has no word for, as null.
  if (!std::isfinite(d)) return null();
  if (d == std::trunc(d) && std::fabs(d) < 9.0e15) return value(static_cast<long long>(d));
  next();
  out_ += Json(d).dump();
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  next();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  next();
  out_ += "null";
  return *this;
}

std::string JsonWriter::str() && {
  if (!has_root_ || !open_.empty()) return static_cast<const JsonWriter&>(*this).str();
  out_ += '\n';
  return std::move(out_);
}

std::string JsonWriter::str() const& {
  if (!has_root_) return "null\n";
  if (open_.empty()) {
    std::string doc;
    doc.reserve(out_.size() + 1);
    doc += out_;
    doc += '\n';
    return doc;
  }
  JsonWriter closed = *this;
  while (!closed.open_.empty()) closed.end_object();
  return closed.out_ + "\n";
}

std::string json_escape(std::string_view s) {
  std::string out;
  put_string(out, s);
  return out;
}

}  // namespace cti
