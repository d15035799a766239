// The JSON writer (base/json): layout, escaping, and that every document is valid JSON:
// UTF-8 only (invalid bytes become U+FFFD) and no inf or nan (written as null). The
// writer streams text; random documents show it writes what nlohmann-json's dump of the
// same document would, byte for byte.
#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

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

  TEST_CASE("nothing written is null; containers left open are closed in the text") {
    CHECK(JsonWriter().str() == "null\n");
    JsonWriter w;
    w.begin_object().key("a").begin_array().value(1);
    CHECK(w.str() == "{\n  \"a\": [\n    1\n  ]\n}\n");
    w.value(2);  // still writable: str() closed a copy
    CHECK(w.str() == "{\n  \"a\": [\n    1,\n    2\n  ]\n}\n");
  }

  TEST_CASE("every control character is escaped, DEL and non-ASCII letters are not") {
    JsonWriter w(false);
    w.value(std::string("\b\f\n\r\t\x1f\x7f\0\u00e6", 10));
    CHECK(w.str() == "\"\\b\\f\\n\\r\\t\\u001f\x7f\\u0000\u00e6\"\n");
  }

  // A random document written both ways: through JsonWriter and into nlohmann's
  // ordered_json, which is then dumped as the writer's documentation promises.
  class Twin {
   public:
    explicit Twin(unsigned seed) : rng_(seed) {}

    std::string text() {
      static const std::vector<std::string> pieces = {"K-0001",
                                                      "æøå",
                                                      "\"",
                                                      "\\",
                                                      "\n",
                                                      "\t",
                                                      "\x01",
                                                      "\x1b",
                                                      "\x7f",
                                                      "\xc3",
                                                      "\xff",
                                                      "\xed\xa0\x80",
                                                      "\xf4\x90\x80\x80",
                                                      "\xe2\x82\xac",
                                                      "\xf0\x9f\x98\x80",
                                                      "\xc0\xaf",
                                                      " ",
                                                      "2026-02-29",
                                                      ""};
      std::string s;
      for (int n = pick(4); n-- > 0;) s += pieces[static_cast<std::size_t>(pick(static_cast<int>(pieces.size())))];
      return s;
    }

    nlohmann::ordered_json write(JsonWriter& w, int depth) {
      switch (depth > 3 ? pick(5) : pick(7)) {
        case 0: {
          auto s = text();
          w.value(s);
          return s;
        }
        case 1: {
          const long long n = static_cast<long long>(rng_()) - (1ll << 31);
          w.value(n);
          return n;
        }
        case 2: {
          const double d = static_cast<double>(pick(100000)) / 64.0 - 700.0;
          w.value(d);
          return d == static_cast<double>(static_cast<long long>(d)) ? nlohmann::ordered_json(static_cast<long long>(d))
                                                                     : nlohmann::ordered_json(d);
        }
        case 3: {
          const bool b = pick(2) == 0;
          w.value(b);
          return b;
        }
        case 4:
          w.null();
          return nullptr;
        case 5: {
          auto a = nlohmann::ordered_json::array();
          w.begin_array();
          for (int n = pick(4); n-- > 0;) a.push_back(write(w, depth + 1));
          w.end_array();
          return a;
        }
        default: {
          auto o = nlohmann::ordered_json::object();
          w.begin_object();
          for (int n = pick(4); n-- > 0;) {
            const std::string k = text() + std::to_string(n);  // each key once
            w.key(k);
            o[k] = write(w, depth + 1);
          }
          w.end_object();
          return o;
        }
      }
    }

   private:
    int pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
    std::mt19937 rng_;
  };

  TEST_CASE("random documents: the same text as nlohmann-json's dump, pretty and compact") {
    for (unsigned seed = 1; seed <= 400; ++seed) {
      for (const bool pretty : {true, false}) {
        Twin twin(seed);
        JsonWriter w(pretty);
        const auto doc = twin.write(w, 0);
        const std::string want =
            doc.dump(pretty ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
        REQUIRE_MESSAGE(w.str() == want, "seed " << seed << (pretty ? " pretty" : " compact"));
      }
    }
  }

  TEST_CASE("items written on all cores: the same text as one by one") {
    auto item = [](JsonWriter& w, std::size_t i) {
      w.begin_object().key("i").value(static_cast<int>(i)).key("name").value("K-" + std::to_string(i));
      w.key("list").begin_array();
      for (std::size_t k = 0; k < i % 3; ++k) w.value(static_cast<int>(k));
      w.end_array().end_object();
    };
    for (bool pretty : {true, false})
      for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{1000}})
        for (bool before : {false, true}) {  // items already in the array, or not
          JsonWriter one(pretty), many(pretty);
          for (JsonWriter* w : {&one, &many}) {
            w->begin_object().key("first").value(1).key("rows").begin_array();
            if (before) w->value("x");
          }
          for (std::size_t i = 0; i < n; ++i) item(one, i);
          many.items(n, 64, item);
          for (JsonWriter* w : {&one, &many}) w->value("after").end_array().end_object();
          const std::string text = many.str();
          CHECK(text == one.str());
          CHECK(nlohmann::json::accept(text));
        }
  }
}

}  // namespace cti::test::base_json
