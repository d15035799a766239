// Hints that fit the slip (load/yaml_messages): each fires on its slip and on nothing else.
#include <doctest/doctest.h>

#include "base/lang.hpp"
#include "load/yaml_messages.hpp"

namespace cti::test::load_yaml_messages {

TEST_CASE("date_hint: day first, as Danes write dates, becomes YYYY-MM-DD") {
  i18n::set_lang(Lang::da);
  CHECK(date_hint("03-02-2025") == "; skriv 2025-02-03");
  CHECK(date_hint("3.2.2025") == "; skriv 2025-02-03");
  CHECK(date_hint("31/12/2025") == "; skriv 2025-12-31");
  i18n::set_lang(Lang::en);
  CHECK(date_hint("03-02-2025") == "; write 2025-02-03");
  CHECK(date_hint("30-02-2025").empty());  // no such day
  CHECK(date_hint("2025-02-03").empty());  // already right
  CHECK(date_hint("03-02.2025").empty());  // mixed separators
  CHECK(date_hint("03-02-25").empty());    // the year is not sure
  CHECK(date_hint("ja").empty());
}

TEST_CASE("spelling_hint: the spelling cti reads") {
  i18n::set_lang(Lang::da);
  CHECK(spelling_hint("Ja", "ja") == " (skriv 'ja')");
  CHECK(spelling_hint("Ikke relevant", "ikke relevant") == " (skriv 'ikke relevant')");
  CHECK(spelling_hint("ikke-relevant", "ikke relevant") == " (skriv 'ikke relevant')");
  CHECK(spelling_hint("ja", "ja").empty());
  CHECK(spelling_hint("nej", "ja").empty());
  CHECK(spelling_hint("måske", "ikke relevant").empty());
}

TEST_CASE("decimal_comma_hint: a decimal comma gets a point") {
  i18n::set_lang(Lang::da);
  CHECK(decimal_comma_hint("1,0") == " (brug punktum: 1.0)");
  CHECK(decimal_comma_hint("0,5") == " (brug punktum: 0.5)");
  CHECK(decimal_comma_hint("halv").empty());
  CHECK(decimal_comma_hint("1,0,0").empty());
  CHECK(decimal_comma_hint(",5").empty());
}

TEST_CASE("missing_space_after_colon: the nearest 'key:value' at or before the line") {
  const std::string bytes = "id: K-0001\nopstart:2026-03-20\ntjekliste:\n  x: 1\nurl: http://a.dk\n";
  auto s = missing_space_after_colon(bytes, 3);
  REQUIRE(s);
  CHECK(s->at.line == 2);
  CHECK(s->at.col == 1);
  CHECK(s->key == "opstart");
  CHECK_FALSE(missing_space_after_colon(bytes, 1));
  CHECK_FALSE(missing_space_after_colon("noter: se http://x.dk\n", 1));
}

TEST_CASE("plain_yaml_message: parser words become plain words") {
  i18n::set_lang(Lang::da);
  CHECK(plain_yaml_message("end of map not found").find("indrykningen passer ikke") != std::string::npos);
  CHECK(plain_yaml_message("something new") == "YAML-syntaksfejl: something new");
  i18n::set_lang(Lang::en);
}

}  // namespace cti::test::load_yaml_messages
