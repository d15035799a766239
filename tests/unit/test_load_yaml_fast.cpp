// The libyaml reading of ordinary files (load/yaml_fast): for every file it accepts, the
// same tree as the guarded yaml-cpp reading (kinds, values, quoting, line and byte
// column of every node), over the demo, the bad-input and schema corpora and a list of
// spellings; and what it refuses, so that yaml-cpp's guards and messages still apply.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "load/yaml_reader.hpp"
#include "load/yaml_tree.hpp"

namespace fs = std::filesystem;

namespace cti::test::load_yaml_fast {

std::string describe(const yaml::Node& n) {
  std::ostringstream o;
  o << static_cast<int>(n.kind()) << "@" << n.pos().line << ":" << n.pos().col;
  if (n.IsScalar()) o << (n.plain() ? "=" : "='") << n.Scalar();
  return o.str();
}

// The first difference between two trees, or "" when they are the same.
std::string difference(const yaml::Node& a, const yaml::Node& b, const std::string& where = "/") {
  if (describe(a) != describe(b)) return where + ": " + describe(a) + " vs " + describe(b);
  if (a.items().size() != b.items().size() || a.pairs().size() != b.pairs().size()) return where + ": sizes";
  for (std::size_t i = 0; i < a.items().size(); ++i)
    if (auto d = difference(a.items()[i], b.items()[i], where + std::to_string(i) + "/"); !d.empty()) return d;
  for (std::size_t i = 0; i < a.pairs().size(); ++i) {
    const std::string here = where + a.pairs()[i].first.Scalar() + "/";
    if (auto d = difference(a.pairs()[i].first, b.pairs()[i].first, here); !d.empty()) return d;
    if (auto d = difference(a.pairs()[i].second, b.pairs()[i].second, here); !d.empty()) return d;
  }
  return "";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Whether the fast reading accepts `bytes`; when it does, the trees must agree.
bool accepted_and_same(const std::string& name, const std::string& bytes) {
  auto fast = yaml::parse_fast(bytes);
  if (!fast) return false;
  Diagnostics ds;
  YamlReader reader(name, ds);
  auto slow = reader.parse_yaml_cpp(bytes);
  INFO(name);
  REQUIRE(slow);
  CHECK(ds.empty());
  CHECK(difference(*fast, *slow) == "");
  return true;
}

TEST_SUITE("load_yaml_fast") {
  TEST_CASE("every corpus file it reads gives yaml-cpp's tree") {
    int accepted = 0, files = 0;
    for (const char* dir : {"/examples", "/tests/bad/cases", "/tests/schema/corpus", "/tests/e2e/repo"}) {
      if (!fs::exists(fs::path(CTI_SOURCE_DIR) / (dir + 1))) continue;
      for (const auto& e : fs::recursive_directory_iterator(fs::path(CTI_SOURCE_DIR) / (dir + 1))) {
        if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
        ++files;
        accepted += accepted_and_same(e.path().string(), slurp(e.path()));
      }
    }
    CHECK(files > 100);
    CHECK(accepted > files / 2);  // the ordinary files: most of them
  }

  TEST_CASE("spellings: quotes, escapes, block scalars, flow collections, empty values, CRLF, non-ASCII columns") {
    const std::vector<std::string> texts = {
        "id: K-0001\nmedarbejder: 'birte'\ndelmålgruppe: \"egen-kommune\"\n",
        "a: \"tab\\there \\u00e6 \\\"q\\\"\"\nb: 'it''s'\nc: plain text  # comment\n",
        "noter: |\n  line one\n  line two\n\nnext: >\n  folded\n  text\n\nkeep: |+\n  x\n\nstrip: |-\n  y\n",
        "fokusområder:\n  fase1: [bolig, økonomi]\n  fase2: []\nmål:\n  - {område: økonomi, nået: 2026-03-02}\n"
        "  - {område: netværk}\n",
        "a:\nb: ~\nc: null\nd: ''\ne: \"\"\nf: Null\ng: NULL\n",
        "id: K-0001\r\nnoter: |\r\n  one\r\n  two\r\nx: y\r\n",
        "økonomi: æøå\nblå: \"røde\"\nø: [æ, {å: ø}]\n",
        "kontakter:\n- dato: 2026-01-02\n  med: borger\n- dato: 2026-02-03\n",
        "multi: this is\n  a plain value\n  on three lines\nnext: x\n",
        "a: 1\na: 2\n",
        "? complex\n: value\n",
        "tjekliste:\n  kontakt-etableret:\n  orienteret: 2026-01-01\n",
        "a: 'two\n  lines'\nb: \"three\n\n  lines\"\n",
    };
    for (const auto& t : texts) {
      INFO(t);
      CHECK(accepted_and_same("t.yaml", t));
    }
  }

  TEST_CASE("refused, for yaml-cpp's guards and messages") {
    const std::vector<std::string> refused = {
        "---\nid: x\n",                                                // a document marker
        "id: x\n---\nid: y\n",                                         // two documents
        "%YAML 1.1\n---\nid: x\n",                                     // a directive
        "a: &x 1\nb: *x\n",                                            // an anchor and an alias
        "a: !!str 1\n",                                                // a tag
        "\xEF\xBB\xBFid: x\n",                                         // a byte order mark
        "id: x\rnoter: y\n",                                           // a lone CR
        "id: \"never closed\n",                                        // a syntax error
        "- a\n- b\n",                                                  // not a mapping
        "{id: x}\n",                                                   // a flow mapping as the file
        "just text\n",                                                 // a scalar
        "  id: x\n",                                                   // a mapping not in column 0
        "a: b\n... \n",                                                // a document end marker
        "a: " + std::string(100, '[') + std::string(100, ']') + "\n",  // too deep
    };
    for (const auto& t : refused) {
      INFO(t);
      CHECK_FALSE(yaml::parse_fast(t));
    }
    CHECK(yaml::parse_fast("")->IsNull());
    CHECK(yaml::parse_fast("# only a comment\n")->IsNull());
  }
}

}  // namespace cti::test::load_yaml_fast
