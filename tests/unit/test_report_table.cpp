// The table renderer (report/table): display width, alignment, colour and style; and
// fitting a table into a width: abbreviations, the narrower gap, the drop order, and
// cutting flex cells with an ellipsis no further than their keep.
#include <doctest/doctest.h>

#include <sstream>

#include "report/table.hpp"

namespace cti::test::report_table {

using namespace cti::report;

std::size_t widest(const std::string& text) {
  std::istringstream in(text);
  std::size_t w = 0;
  for (std::string line; std::getline(in, line);) w = std::max(w, display_width(line));
  return w;
}

Table sample() {
  Table t({{"Id"},
           {.heading = "Worker", .short_heading = "W"},
           {.heading = "Day", .align = Align::right, .drop = 1},
           {.heading = "Next", .drop = 2},
           {.heading = "Urgent", .flex = true}});
  t.add_row({"K-1", "mette", "12", "overdragelsesmøder", Cell("økonomi +12d")});
  t.add_row({"K-2", "jonas", "3", "fase3", Cell("fejl [yaml-syntax]: cti validate K-2.yaml").keeping(19)});
  return t;
}

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

TEST_SUITE("table fitting") {
  TEST_CASE("cut to a width by display columns, with an ellipsis") {
    CHECK(truncate_to_width("økonomi", 7) == "økonomi");
    CHECK(truncate_to_width("økonomi", 5) == "økon\u2026");
    CHECK(truncate_to_width("\xe6\x97\xa5\xe6\x97\xa5", 3) == "\xe6\x97\xa5\u2026");  // a wide letter is not split
    CHECK(truncate_to_width("abc", 0) == "");
  }

  TEST_CASE("no width, or wide enough: the table as it is") {
    Table t = sample();
    const std::string full = t.render(false);
    CHECK(t.render(false, 0) == full);
    CHECK(t.render(false, widest(full)) == full);
    CHECK(full.find("Worker") != std::string::npos);
  }

  TEST_CASE("narrower: abbreviated, one-space gap, then columns leave in their order") {
    Table t = sample();
    const std::string full = t.render(false);
    for (std::size_t w = widest(full) - 1; w >= 40; --w) {
      std::string out = t.render(false, w);
      CHECK(widest(out) <= w);
      // The error mark and the whole item stay in every layout.
      CHECK(out.find("fejl [yaml-syntax]") != std::string::npos);
      CHECK(out.find("økonomi +12d") != std::string::npos);
    }
    const std::string narrow = t.render(false, 40);
    CHECK(narrow.find("Worker") == std::string::npos);  // abbreviated to W
    CHECK(narrow.find("Day") == std::string::npos);     // left out first
    CHECK(narrow.find("\u2026") != std::string::npos);  // the error hint is cut
    // Day leaves before Next.
    for (std::size_t w = widest(full); w >= 30; --w) {
      std::string out = t.render(false, w);
      if (out.find("Day") != std::string::npos) CHECK(out.find("Next") != std::string::npos);
    }
  }

  TEST_CASE("too narrow for every layout: flex cells are cut further") {
    Table t = sample();
    std::string out = t.render(false, 26);
    CHECK(out.find("Day") == std::string::npos);
    CHECK(out.find("Next") == std::string::npos);
    CHECK(widest(out) <= 26);
  }

  TEST_CASE("many rows at once: the same text as one at a time, in order, masked") {
    auto make = [] {
      return Table({{"Id"},
                    {.heading = "Worker", .short_heading = "W"},
                    {.heading = "Day", .align = Align::right, .drop = 1},
                    {.heading = "Urgent", .flex = true}});
    };
    Table one = make(), many = make();
    std::vector<std::vector<Cell>> rows;
    for (int i = 0; i < 1500; ++i) {                              // several blocks of rows, drawn side by side
      std::string id = "K-", worker = "w", urgent = "økonomi +";  // appended: GCC 12 warns falsely (-Wrestrict)
      id += std::to_string(i);
      worker += std::to_string(i % 7);
      urgent += std::to_string(i) + "d";
      std::vector<Cell> cells{id, Cell(worker).abbreviated("x"),
                              Cell(std::to_string(i % 40), i % 3 ? Color::red : Color::none),
                              Cell(i % 11 ? urgent : "cpr 150632-4123 her", Color::yellow).keeping(8)};
      rows.push_back(cells);
      one.add_row(cells);
    }
    many.add_rows(rows);
    REQUIRE(many.row_count() == 1500);
    for (std::size_t width : {std::size_t{0}, std::size_t{30}, std::size_t{18}})
      for (bool color : {false, true}) CHECK(many.render(color, width) == one.render(color, width));
    const std::string out = many.render(false);
    CHECK(out.find("150632") == std::string::npos);
    CHECK(out.find("XXXXXX-XXXX") != std::string::npos);
    CHECK(out.find("K-0 ") < out.find("K-1499"));
  }
}

}  // namespace cti::test::report_table
