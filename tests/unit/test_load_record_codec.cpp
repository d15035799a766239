// load/record_codec: a loaded record and its diagnostics survive the round trip through
// bytes exactly, and damaged bytes are refused, never half-read (the cache of checked
// files relies on both).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/forloeb_loader.hpp"
#include "load/record_codec.hpp"

namespace cti::test::load_record_codec {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("every demo forløb and the bad-input corpus round-trip byte for byte") {
  int files = 0;
  for (const char* dir : {CTI_SOURCE_DIR "/examples/demo/forloeb", CTI_SOURCE_DIR "/tests/bad/cases"}) {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".yaml") continue;
      SourceFile f{"forloeb/" + e.path().filename().string(), slurp(e.path())};
      Diagnostics ds;
      Forloeb rec = load_forloeb(f, ds);
      const std::string bytes = encode_case(rec, ds);
      auto back = decode_case(bytes);
      REQUIRE(back);
      CHECK(encode_case(back->record, back->diags) == bytes);
      CHECK(back->record.display_id() == rec.display_id());
      CHECK(back->record.contacts.size() == rec.contacts.size());
      CHECK(back->record.checklist.size() == rec.checklist.size());
      CHECK(back->record.end_date() == rec.end_date());
      REQUIRE(back->diags.size() == ds.size());
      for (std::size_t i = 0; i < ds.size(); ++i) CHECK(format_diagnostic(back->diags[i]) == format_diagnostic(ds[i]));
      ++files;
    }
  }
  CHECK(files > 100);
}

TEST_CASE("damaged bytes are refused: every truncation, and bytes left over") {
  SourceFile f{"forloeb/K-0001.yaml", slurp(CTI_SOURCE_DIR "/examples/demo/forloeb/K-0001.yaml")};
  Diagnostics ds;
  const std::string bytes = encode_case(load_forloeb(f, ds), ds);
  for (std::size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(decode_case(std::string_view(bytes).substr(0, n)));
  CHECK_FALSE(decode_case(bytes + "x"));
  std::string huge = bytes;
  huge[0] = huge[1] = huge[2] = huge[3] = '\xff';  // a length past the end
  CHECK_FALSE(decode_case(huge));
}

TEST_CASE("numbers of every size round-trip: negative, past one byte, past 32 bits of a varint") {
  Forloeb rec;
  rec.file = "forloeb/K-9.yaml";
  rec.id.set("K-9", {-1, 70000});
  rec.start.set(Date{std::chrono::year{1999}, std::chrono::month{12}, std::chrono::day{31}}, {2147483647, -2147483647});
  rec.checklist.push_back({"kontakt-etableret", std::nullopt, true, {128, 16384}});
  Diagnostics ds{{"forloeb/K-9.yaml", {3, 200}, Severity::warning, "rule", std::string(300, 'x')}};
  const std::string bytes = encode_case(rec, ds);
  auto back = decode_case(bytes);
  REQUIRE(back);
  CHECK(back->record.id.pos.line == -1);
  CHECK(back->record.id.pos.col == 70000);
  CHECK(back->record.start.pos.line == 2147483647);
  CHECK(back->record.start.pos.col == -2147483647);
  CHECK(*back->record.start == rec.start.value);
  CHECK(back->record.checklist.at(0).pos.col == 16384);
  CHECK(back->diags.at(0).message.size() == 300);
  CHECK(encode_case(back->record, back->diags) == bytes);
  CHECK(bytes.size() < 430);  // varints: a small number takes one byte
  std::string overlong = bytes;
  overlong.insert(0, "\xff\xff\xff\xff\x7f");  // a length of more than 32 bits
  CHECK_FALSE(decode_case(overlong));
}

}  // namespace cti::test::load_record_codec
