// The table renderer (report/table) and the status rows (report/status).
#include <doctest/doctest.h>

#include "report/table.hpp"

using namespace cti::report;

TEST_SUITE("table") {
  TEST_CASE("display width counts code points, not bytes") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("økonomi") == 7);
    CHECK(display_width("overdragelsesmøder") == 18);
    CHECK(display_width("e\xcc\x81") == 1);     // e + combining acute
    CHECK(display_width("\xe6\x97\xa5") == 2);  // a CJK character is wide
    CHECK(display_width("\xff") == 1);          // an invalid byte counts one
  }

  TEST_CASE("columns align by display width, no trailing spaces") {
    Table t({{"id"}, {"fase"}, {"dage", Align::right}, {"punkt"}});
    t.add_row({"K-1", "fase2", "5", "økonomi"});
    t.add_row({"K-22", "afsluttet", "123"});
    CHECK(t.render(false) ==
          "id    fase       dage  punkt\n"
          "K-1   fase2         5  økonomi\n"
          "K-22  afsluttet   123\n");
  }

  TEST_CASE("colour wraps the text only, padding outside") {
    Table t({{"a"}, {"b"}});
    t.add_row({Cell("x", Color::red), Cell("y", Color::yellow)});
    CHECK(t.render(true) == "a  b\n\x1b[31mx\x1b[0m  \x1b[33my\x1b[0m\n");
    CHECK(t.render(false) == "a  b\nx  y\n");
  }

  TEST_CASE("style: heading rule, no headings, custom gap") {
    Table t({{"ab"}, {"c"}}, TableStyle{" | ", true, true});
    t.add_row({"x", "yyy"});
    CHECK(t.render(false) == "ab | c\n-- | ---\nx  | yyy\n");
    Table u({{"ab"}, {"c"}}, TableStyle{"  ", false, false});
    u.add_row({"x", "y"});
    CHECK(u.render(false) == "x  y\n");
  }

  TEST_CASE("colorize") {
    CHECK(colorize("z", Color::none, true) == "z");
    CHECK(colorize("z", Color::red, false) == "z");
    CHECK(colorize("z", Color::green, true) == "\x1b[32mz\x1b[0m");
  }
}
