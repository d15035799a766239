// The JSON writer (base/json): layout, escaping, and that every document is valid JSON:
// UTF-8 only (invalid bytes become U+FFFD) and no inf or nan (written as null).
#include <doctest/doctest.h>

#include <limits>

#include "base/json.hpp"

namespace cti::test::base_json {

TEST_SUITE("json") {
  TEST_CASE("pretty: two-space indent, keys in the order written, empty containers inline") {
    JsonWriter w;
    w.begin_object();
    w.key("zeta").value("z");
    w.key("alpha").begin_array().value(1).value(2.5).end_array();
    w.key("empty").begin_object().end_object();
    w.key("none").begin_array().end_array();
    w.key("ok").value(true);
    w.key("n").null();
    w.end_object();
    CHECK(w.str() ==
          "{\n"
          "  \"zeta\": \"z\",\n"
          "  \"alpha\": [\n"
          "    1,\n"
          "    2.5\n"
          "  ],\n"
          "  \"empty\": {},\n"
          "  \"none\": [],\n"
          "  \"ok\": true,\n"
          "  \"n\": null\n"
          "}\n");
  }

  TEST_CASE("compact") {
    JsonWriter w(false);
    w.begin_object().key("a").begin_array().value("x").value(-3).end_array().key("b").value(false).end_object();
    CHECK(w.str() == "{\"a\":[\"x\",-3],\"b\":false}\n");
  }

  TEST_CASE("a whole double is written without a fraction, others shortest") {
    JsonWriter w(false);
    w.begin_array().value(10.0).value(0.75).value(2.5).value(-0.1).value(1e20).end_array();
    CHECK(w.str() == "[10,0.75,2.5,-0.1,1e+20]\n");
  }

  TEST_CASE("inf and nan are null") {
    JsonWriter w(false);
    w.begin_object();
    w.key("capacity").value(std::numeric_limits<double>::infinity());
    w.key("low").value(-std::numeric_limits<double>::infinity());
    w.key("load").value(std::numeric_limits<double>::quiet_NaN());
    w.end_object();
    CHECK(w.str() == "{\"capacity\":null,\"low\":null,\"load\":null}\n");
  }

  TEST_CASE("invalid UTF-8 becomes U+FFFD; valid UTF-8 stays as it is") {
    JsonWriter w(false);
    w.begin_array();
    w.value("forl\xc3\xb8");  // "forlø"
    w.value("forl\xc3");      // cut inside ø
    w.value(
        "a\xff"
        "b");                 // a byte that is never UTF-8
    w.value("\xed\xa0\x80");  // a UTF-16 surrogate, not allowed in UTF-8
    w.end_array();
    CHECK(w.str() ==
          "[\"forl\xc3\xb8\",\"forl\xef\xbf\xbd\",\"a\xef\xbf\xbd"
          "b\",\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"]\n");
  }

  TEST_CASE("escaping: quotes, backslashes and control characters; keys too") {
    JsonWriter w(false);
    w.begin_object().key("k\"ey").value("a\"b\\c\nd\te\x01").end_object();
    CHECK(w.str() == "{\"k\\\"ey\":\"a\\\"b\\\\c\\nd\\te\\u0001\"}\n");
    CHECK(json_escape("æ\"\xff") == "\"æ\\\"\xef\xbf\xbd\"");
  }

  TEST_CASE("a lone value is a document") {
    JsonWriter w;
    w.value("x");
    CHECK(w.str() == "\"x\"\n");
  }
}

}  // namespace cti::test::base_json
