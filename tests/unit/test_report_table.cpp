// Fitting a table into a width (report/table): abbreviations, the narrower gap, the
// drop order, and cutting flex cells with an ellipsis no further than their keep.
#include <doctest/doctest.h>

#include <sstream>

#include "report/table.hpp"

using namespace cti::report;

namespace {

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

}  // namespace

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
}
