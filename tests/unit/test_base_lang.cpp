// The output language (base/lang): singular and plural chosen by tr_n and count_text, and no
// message text in src/ that leaves the choice to the reader ("advarsel(er)", "file(s)").
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "base/lang.hpp"

namespace cti::test::base_lang {

namespace fs = std::filesystem;

struct PluralLangScope {
  explicit PluralLangScope(Lang l) : before(i18n::lang()) { i18n::set_lang(l); }
  ~PluralLangScope() { i18n::set_lang(before); }
  Lang before;
};

std::string files(long long n) {
  return i18n::count_text(n, "{} file", "{} files", "{} fil", "{} filer");
}

TEST_SUITE("lang") {
  TEST_CASE("one is singular, every other count plural, in both languages") {
    {
      PluralLangScope da(Lang::da);
      CHECK(files(0) == "0 filer");
      CHECK(files(1) == "1 fil");
      CHECK(files(2) == "2 filer");
      CHECK(files(22) == "22 filer");
      CHECK(i18n::count_text(1, "{} warning", "{} warnings", "{} advarsel", "{} advarsler") == "1 advarsel");
      CHECK(i18n::count_text(419, "{} warning", "{} warnings", "{} advarsel", "{} advarsler") == "419 advarsler");
      CHECK(i18n::tr_n(1, "{} day ago", "{} days ago", "for {} dag siden", "for {} dage siden") == "for {} dag siden");
      CHECK(i18n::tr_n(-1, "a", "b", "c", "d") == "d");
    }
    PluralLangScope en(Lang::en);
    CHECK(files(0) == "0 files");
    CHECK(files(1) == "1 file");
    CHECK(files(2) == "2 files");
    CHECK(i18n::tr_n(1, "{} warning", "{} warnings", "{} advarsel", "{} advarsler") == "{} warning");
  }

  TEST_CASE("no message in src/ writes a plural as word(s) or ord(er)") {
    // A string literal with "(s)", "(er)", "(r)" or "(e)" right after a letter: the reader would be
    // left to choose the form; tr_n/count_text choose it.
    const std::regex hedge(R"re("[^"\n]*[A-Za-z\xC3\xA6\xC3\xB8\xC3\xA5]\((s|er|r|e)\)[^"\n]*")re");
    int scanned = 0;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CTI_SOURCE_DIR) / "src")) {
      const auto ext = e.path().extension();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string text = ss.str();
      ++scanned;
      std::smatch m;
      INFO(e.path().string());
      CHECK_FALSE(std::regex_search(text, m, hedge));
      if (std::regex_search(text, m, hedge)) MESSAGE(m.str());
    }
    CHECK(scanned > 100);
  }
}

}  // namespace cti::test::base_lang
