// Reading YAML (load/yaml_reader, yaml_parse): positions of keys and values, unknown,
// repeated and missing keys, typed values, document markers, CRLF and the byte-order
// mark, and the inputs yaml-cpp cannot be trusted with.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "base/lang.hpp"
#include "builders.hpp"
#include "load/yaml_reader.hpp"

namespace cti::test::load_yaml_reader {

// Bytes parsed by a YamlReader, with its diagnostics (messages in English).
struct ReaderParsed {
  std::optional<yaml::Node> node;
  Diagnostics ds;
};
ReaderParsed reader_parse(const std::string& bytes) {
  i18n::set_lang(Lang::en);
  ReaderParsed r;
  YamlReader reader("forloeb/K-0001.yaml", r.ds);
  r.node = reader.parse(bytes);
  return r;
}

std::string at(Pos p) {
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

// "key@line:col=value@line:col" of every key each_key visits in a top-level mapping.
std::vector<std::string> reader_keys(const std::string& bytes, const std::vector<std::string>& known) {
  ReaderParsed r = reader_parse(bytes);
  std::vector<std::string> out;
  REQUIRE_MESSAGE(r.ds.empty(), format_diagnostic(r.ds.front()));
  REQUIRE(r.node);
  YamlReader reader("forloeb/K-0001.yaml", r.ds);
  reader.each_key(*r.node, known, "", [&](const std::string& k, Pos kp, const yaml::Node& v) {
    out.push_back(k + "@" + at(kp) + "=" + (v.IsScalar() ? v.Scalar() : std::string("-")) + "@" + at(pos_of(v)));
  });
  return out;
}

const std::vector<std::string> kReaderKnown = {"id", "medarbejder", "delmålgruppe", "opstart", "noter", "afslutning"};

// The diagnostics each_key gives on a top-level mapping, as rule@line:col, and its messages.
struct ReaderKeyRun {
  std::vector<std::string> rules;
  std::vector<std::string> messages;
  std::vector<std::string> visited;
};
ReaderKeyRun reader_each_key(const std::string& bytes, const std::vector<std::string>& known = kReaderKnown,
                             std::string_view where = "") {
  ReaderParsed r = reader_parse(bytes);
  REQUIRE(r.node);
  ReaderKeyRun run;
  Diagnostics ds;
  YamlReader reader("forloeb/K-0001.yaml", ds);
  reader.each_key(*r.node, known, where,
                  [&](const std::string& k, Pos, const yaml::Node& v) { run.visited.push_back(k + "=" + v.Scalar()); });
  run.rules = rules_at(ds);
  for (const auto& d : ds) run.messages.push_back(d.message);
  return run;
}

// 'text', built by appending (GCC 12 warns falsely on "'" + string, -Wrestrict).
std::string single_quoted(const std::string& text) {
  std::string s = "'";
  s += text;
  s += "'";
  return s;
}

using Strings = std::vector<std::string>;

TEST_SUITE("yaml reader") {
  TEST_CASE("parse: keys and values at 1-based line:col, byte columns after æøå") {
    CHECK(reader_keys("id: K-0001\nmedarbejder:   mette\ndelmålgruppe: egen-kommune\nnoter: \"æ\"\n", kReaderKnown) ==
          Strings{"id@1:1=K-0001@1:5", "medarbejder@2:1=mette@2:16", "delmålgruppe@3:1=egen-kommune@3:16",
                  "noter@4:1=æ@4:8"});
    CHECK(reader_keys("noter: æøå æøå\nid: x\n", kReaderKnown) == Strings{"noter@1:1=æøå æøå@1:8", "id@2:1=x@2:5"});
  }

  TEST_CASE("parse: keys and values in NFC, positions still in the file's bytes") {
    // "delma\u030Algruppe": the å decomposed, one byte longer than "delmålgruppe".
    CHECK(reader_keys("delma\u030Algruppe: na\u030Ar\nnoter: [\"a\u0308\"]\nid: x\n", kReaderKnown) ==
          Strings{"delmålgruppe@1:1=når@1:17", "noter@2:1=-@2:8", "id@3:1=x@3:5"});
    ReaderParsed r = reader_parse("noter: [\"a\u0308\", {e\u0301: u\u0308}]\n");
    REQUIRE(r.node);
    CHECK((*r.node)["noter"].items()[0].Scalar() == "ä");
    CHECK((*r.node)["noter"].items()[1]["é"].Scalar() == "ü");
  }

  TEST_CASE("parse: empty input, only comments, one byte") {
    for (const char* empty : {"", "\n", "# kommentar\n", "   \n\n", "---\n"}) {
      ReaderParsed r = reader_parse(empty);
      CHECK(r.ds.empty());
      REQUIRE(r.node);
      CHECK(r.node->IsNull());
    }
    ReaderParsed one = reader_parse("a");
    CHECK(one.ds.empty());
    REQUIRE(one.node);
    CHECK(one.node->IsScalar());
    CHECK(one.node->Scalar() == "a");
  }

  TEST_CASE("parse: '---' and '...' around one document are fine, a second document is an error at its marker") {
    CHECK(reader_parse("---\nid: a\n").ds.empty());
    CHECK(reader_parse("--- # forløb\nid: a\n").ds.empty());
    CHECK(reader_parse("id: a\n...\n").ds.empty());
    CHECK(reader_parse("%YAML 1.2\n---\nid: a\n").ds.empty());
    CHECK(only(reader_parse("id: a\n---\nid: b\n").ds) == "yaml-syntax@2:1");
    CHECK(only(reader_parse("---\nid: a\n---\n").ds) == "yaml-syntax@3:1");
    CHECK(only(reader_parse("id: a\nnoter: b\n\n---\r\nid: b\r\n").ds) == "yaml-syntax@4:1");
    ReaderParsed r = reader_parse("id: a\n---\nid: b\n");
    CHECK_FALSE(r.node);
    CHECK(r.ds.front().message.find("more than one YAML document") != std::string::npos);
    // "---" inside a value or indented is no marker.
    CHECK(reader_parse("noter: a---b\nid: ---\n").ds.empty());
  }

  TEST_CASE("parse: CRLF line ends give the same values and positions as LF") {
    const Strings lf = reader_keys("id: K-0001\nmedarbejder: mette\nnoter: æ\n", kReaderKnown);
    CHECK(reader_keys("id: K-0001\r\nmedarbejder: mette\r\nnoter: æ\r\n", kReaderKnown) == lf);
    CHECK(lf == Strings{"id@1:1=K-0001@1:5", "medarbejder@2:1=mette@2:14", "noter@3:1=æ@3:8"});
  }

  TEST_CASE("parse: a UTF-8 byte-order mark is not part of the first key") {
    CHECK(reader_keys("\xEF\xBB\xBFid: K-0001\nnoter: x\n", kReaderKnown) ==
          Strings{"id@1:1=K-0001@1:5", "noter@2:1=x@2:8"});
    CHECK(reader_keys("\xEF\xBB\xBFid: K-0001\r\nnoter: x\r\n", kReaderKnown) ==
          Strings{"id@1:1=K-0001@1:5", "noter@2:1=x@2:8"});
  }

  TEST_CASE("each_key: an unknown key at its position, with a suggestion, naming the mapping it is in") {
    auto top = reader_each_key("id: K-0001\ndelmalgruppe: x\nxyzzy: y\n");
    CHECK(top.rules == Strings{"unknown-key@2:1", "unknown-key@3:1"});
    CHECK(top.messages == Strings{"unknown key 'delmalgruppe' (did you mean 'delmålgruppe'?)", "unknown key 'xyzzy'"});
    CHECK(top.visited == Strings{"id=K-0001"});
    auto inner = reader_each_key("  daot: 2025-01-01\n", {"dato", "status"}, "afslutning");
    CHECK(inner.messages == Strings{"unknown key 'daot' in 'afslutning' (did you mean 'dato'?)"});
    CHECK(inner.rules == Strings{"unknown-key@1:3"});
  }

  TEST_CASE("each_key: a checklist item at the top level is told to go under tjekliste:") {
    auto run = reader_each_key("id: a\nøkonomi: 2025-01-01\n", {"id", "tjekliste"});
    CHECK(run.rules == Strings{"unknown-key@2:1"});
    CHECK(run.messages == Strings{"unknown key 'økonomi' (a checklist item: indent it under tjekliste:)"});
    // Where tjekliste is no key, the item is just unknown.
    CHECK(reader_each_key("økonomi: 2025-01-01\n", {"id"}).messages == Strings{"unknown key 'økonomi'"});
  }

  TEST_CASE("each_key: a repeated key is reported at the repeat and only the first is visited") {
    auto run = reader_each_key("id: K-0001\nnoter: a\nid: K-0002\nid: K-0003\n");
    CHECK(run.rules == Strings{"duplicate-key@3:1", "duplicate-key@4:1"});
    CHECK(run.messages.front() == "key 'id' appears more than once (the first is at line 1)");
    CHECK(run.visited == Strings{"id=K-0001", "noter=a"});
  }

  TEST_CASE("each_key: a key that is a list or a mapping is wrong-type") {
    auto run = reader_each_key("? [a, b]\n: c\nid: x\n");
    CHECK(run.rules == Strings{"wrong-type@1:3"});
    CHECK(run.visited == Strings{"id=x"});
  }

  TEST_CASE("require: a missing key at the mapping, an empty one at its key, a misspelt one not twice") {
    ReaderParsed r = reader_parse("id: K-0001\nmedarbejder:\ndelmalgruppe: x\n");
    REQUIRE(r.node);
    Diagnostics ds;
    YamlReader reader("forloeb/K-0001.yaml", ds);
    reader.require(*r.node, {"id", "medarbejder", "delmålgruppe", "opstart"}, {1, 1}, kReaderKnown);
    CHECK(rules_at(ds) == Strings{"missing-key@2:1", "missing-key@1:1"});
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].message == "required key 'medarbejder' has no value");
    CHECK(ds[1].message == "required key 'opstart' is missing");
    // Without the known keys the misspelling is not recognised and the key is missing.
    Diagnostics plain;
    YamlReader(std::string("x.yaml"), plain).require(*r.node, {"delmålgruppe"}, {1, 1});
    CHECK(rules_at(plain) == Strings{"missing-key@1:1"});
  }

  TEST_CASE("scalar, date and number: the value, or the slip named at the value") {
    ReaderParsed r = reader_parse(
        "a: 2025-02-03\nb: 2025-02-30\nc: 03-02-2025\nd: [1]\ne: 1.5\nf: '10'\ng: 1,5\nh: .inf\ni:\nj: 1e3\n");
    REQUIRE(r.node);
    Diagnostics ds;
    YamlReader reader("forloeb/K-0001.yaml", ds);
    const yaml::Node& n = *r.node;
    CHECK(reader.date(n["a"], "a") == D("2025-02-03"));
    CHECK_FALSE(reader.date(n["b"], "b"));
    CHECK_FALSE(reader.date(n["c"], "c"));
    CHECK_FALSE(reader.scalar(n["d"], "d"));
    CHECK(reader.number(n["e"], "e") == 1.5);
    CHECK_FALSE(reader.number(n["f"], "f"));
    CHECK_FALSE(reader.number(n["g"], "g"));
    CHECK_FALSE(reader.number(n["h"], "h"));
    CHECK(reader.number(n["j"], "j") == 1000.0);
    CHECK(reader.is_sequence(n["d"], "d"));
    CHECK_FALSE(reader.is_mapping(n["d"], "d"));
    CHECK(rules_at(ds) == Strings{"invalid-date@2:4", "invalid-date@3:4", "wrong-type@4:4", "wrong-type@6:4",
                                  "wrong-type@7:4", "wrong-type@8:4", "wrong-type@4:4"});
    Strings messages;
    for (const auto& d : ds) messages.push_back(d.message);
    CHECK(messages == Strings{
                          "'b': '2025-02-30' is not a date in the calendar",
                          "'c' must be a date written YYYY-MM-DD, not '03-02-2025'; write 2025-02-03",
                          "'d' must be a single value, not a list",
                          "'f' must be a number; '10' in quotes is text: write it without quotes",
                          "'g' must be a number, not '1,5' (use a point: 1.5)",
                          "'h' must be a number, not '.inf'",
                          "'d' must be a mapping (key: value lines), not a list",
                      });
    // An empty value is no single value (yaml-cpp places it where the next token starts,
    // so its position is not checked here).
    Diagnostics empty;
    CHECK_FALSE(YamlReader("x.yaml", empty).scalar(n["i"], "i"));
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].rule == "wrong-type");
    CHECK(empty[0].message == "'i' must be a single value, not empty");
  }

  TEST_CASE("parse: inputs that make yaml-cpp loop or recurse end in one yaml-syntax error, quickly") {
    const auto t0 = std::chrono::steady_clock::now();
    ReaderParsed comma = reader_parse(",a: b\n");
    CHECK(rules_at(comma.ds) == Strings{"yaml-syntax@1:1"});
    ReaderParsed after = reader_parse("[a]\n,\n");
    REQUIRE(after.ds.size() == 1);
    CHECK(after.ds.front().message.find("unexpected ','") != std::string::npos);
    CHECK_FALSE(after.node);
    ReaderParsed deep = reader_parse(std::string(100'000, '['));
    REQUIRE(deep.ds.size() == 1);
    CHECK(deep.ds.front().rule == "yaml-syntax");
    CHECK_FALSE(deep.node);
    ReaderParsed quote = reader_parse("id: K-0001\nnoter: \"aflyst\nmedarbejder: mette\n");
    CHECK(rules_at(quote.ds) == Strings{"yaml-syntax@2:8"});
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
  }

  TEST_CASE("parse: a tab in the indentation is tab-indent at the tab, a missing space after a colon is named") {
    CHECK(only(reader_parse("afslutning:\n\tdato: 2025-01-01\n  status: x\n").ds) == "tab-indent@2:1");
    ReaderParsed colon = reader_parse("id: K-0001\nopstart:2026-03-20\nnoter:\n  - a\n b\n");
    REQUIRE(colon.ds.size() == 1);
    CHECK(colon.ds.front().rule == "yaml-syntax");
  }

  TEST_CASE("parse: a very long line and a value of a megabyte") {
    const std::string big(1'000'000, 'x');
    ReaderParsed r = reader_parse("id: K-0001\nnoter: " + big + "\n");
    CHECK(r.ds.empty());
    REQUIRE(r.node);
    CHECK((*r.node)["noter"].Scalar() == big);
  }

  TEST_CASE("quote_value: masked before it is cut, cut between characters, on one line") {
    CHECK(quote_value("") == "''");
    CHECK(quote_value("x") == "'x'");
    CHECK(quote_value("a\tb\r\nc") == "'a b  c'");
    CHECK(quote_value(std::string(40, 'x')) == single_quoted(std::string(40, 'x')));
    CHECK(quote_value(std::string(41, 'x')) == single_quoted(std::string(40, 'x') + "..."));
    // The number straddles the cut: masked first, so no digit of it survives.
    const std::string q = quote_value(std::string(35, 'x') + "150632-4123");
    CHECK(q == single_quoted(std::string(35, 'x') + "XXXXX..."));
    // 'a' and then two-byte 'æ': byte 40 is inside an æ, so the cut moves back to 39.
    std::string ae = "a";
    for (int i = 0; i < 30; ++i) ae += "æ";
    std::string want = "a";
    for (int i = 0; i < 19; ++i) want += "æ";
    CHECK(quote_value(ae) == single_quoted(want + "..."));
  }

  TEST_CASE("pos_of: a node that was not read from a file has no position") {
    CHECK(pos_of(YAML::Node()).line == 0);
    CHECK(pos_of(YAML::Node("x")).line == 0);
    CHECK(pos_of(yaml::Node()).line == 0);
  }
}

}  // namespace cti::test::load_yaml_reader
