// The safe writer (io/safe_writer): where a -o file may go (SPEC sections 7 and 8), its
// mode whatever the umask, and never a partial file. Run in a temporary directory that
// is not a git work tree.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "io/files.hpp"
#include "io/safe_writer.hpp"

namespace cti::test::io_safe_writer {

namespace fs = std::filesystem;
using io::OutputTarget;
using io::Sensitivity;

// <tmp>/cti-safe-writer-XXXXXX/ with a case repository repo/ (cti.yaml, forloeb/, the key
// file cpr.yaml) and a place outside it, out/; removed with everything in it. Messages
// in English while it lives.
struct WriterSandbox {
  Scratch scratch{"safe-writer"};
  fs::path base = scratch.root, repo = base / "repo", out = base / "out";
  Lang lang_before = i18n::lang();
  WriterSandbox() {
    fs::create_directories(repo / "forloeb" / "afsluttede");
    fs::create_directories(out);
    put(repo / "cti.yaml", "projekt: P\n");
    put(repo / "forloeb" / "K-0001.yaml", "id: K-0001\n");
    put(repo / "cpr.yaml", "K-0001: 010100-0000\n");
    i18n::set_lang(Lang::en);
  }
  ~WriterSandbox() { i18n::set_lang(lang_before); }
  static void put(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }
  // A target as `cti report -o GIVEN` started in `start` would make.
  OutputTarget target(const std::string& given, Sensitivity s = Sensitivity::plain, bool replace = false) const {
    return OutputTarget{given, out, repo, repo / "cpr.yaml", s, replace};
  }
  std::set<std::string> names(const fs::path& dir) const {
    std::set<std::string> n;
    for (const auto& e : fs::directory_iterator(dir)) n.insert(e.path().filename().string());
    return n;
  }
};

// The refusal message of check_output, or "" when it would write.
std::string writer_refusal(const OutputTarget& t) {
  auto r = io::check_output(t);
  if (auto* s = std::get_if<std::string>(&r)) return *s;
  return "";
}

unsigned writer_mode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

bool has_text(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Sets the umask for one test and puts the previous one back.
struct WriterUmask {
  explicit WriterUmask(mode_t m) : before(::umask(m)) {}
  ~WriterUmask() { ::umask(before); }
  mode_t before;
};

using Names = std::set<std::string>;

TEST_SUITE("safe writer") {
  TEST_CASE("check_output: a new file outside the repository, relative to where cti started") {
    WriterSandbox s;
    auto r = io::check_output(s.target("rapport.csv"));
    REQUIRE(std::holds_alternative<fs::path>(r));
    CHECK(std::get<fs::path>(r) == fs::canonical(s.out) / "rapport.csv");
    CHECK(writer_refusal(s.target((s.base / "out" / "." / "x.csv").string())) == "");
    CHECK(writer_refusal(s.target("../out/æøå.csv")) == "");
  }

  TEST_CASE("check_output refuses what is no file name, naming the path as typed") {
    WriterSandbox s;
    CHECK(writer_refusal(s.target("")) == "-o needs a file name");
    CHECK(writer_refusal(s.target(".")) == ". is a directory; -o needs a file name");
    CHECK(writer_refusal(s.target("sub/..")) == "sub/.. is a directory; -o needs a file name");
    CHECK(writer_refusal(s.target("../out")) == "../out is a directory; -o needs a file name");
    CHECK(writer_refusal(s.target("nowhere/r.csv")) == "nowhere/r.csv: no such directory");
  }

  TEST_CASE("check_output never writes through or replaces a symbolic link, even with --force") {
    WriterSandbox s;
    WriterSandbox::put(s.out / "real.csv", "x");
    fs::create_symlink(s.out / "real.csv", s.out / "link.csv");
    fs::create_symlink(s.out / "gone.csv", s.out / "dangling.csv");
    for (bool force : {false, true}) {
      CHECK(has_text(writer_refusal(s.target("link.csv", Sensitivity::plain, force)), "link.csv is a symbolic link"));
      CHECK(has_text(writer_refusal(s.target("dangling.csv", Sensitivity::cpr, force)), "is a symbolic link"));
    }
    CHECK(io::write_output(s.target("dangling.csv", Sensitivity::plain, true), "y"));
    CHECK_FALSE(fs::exists(s.out / "gone.csv"));
    CHECK(read_text_file(s.out / "real.csv") == std::optional<std::string>("x"));
    // A link on the way to the folder is fine: only the file itself must not be one.
    fs::create_directory_symlink(s.out, s.base / "via");
    CHECK(writer_refusal(s.target((s.base / "via" / "r.csv").string())) == "");
  }

  TEST_CASE("check_output refuses the case repository's own files, the key file and .git") {
    WriterSandbox s;
    const std::string repo = s.repo.string();
    for (bool force : {false, true}) {
      CHECK(has_text(writer_refusal(s.target(repo + "/cpr.yaml", Sensitivity::plain, force)), "is the CPR key file"));
      CHECK(has_text(writer_refusal(s.target(repo + "/cti.yaml", Sensitivity::plain, force)),
                     "is part of the case repository"));
      CHECK(has_text(writer_refusal(s.target(repo + "/forloeb/K-0002.yaml", Sensitivity::plain, force)),
                     "is part of the case repository"));
      CHECK(has_text(writer_refusal(s.target(repo + "/forloeb/afsluttede/r.csv", Sensitivity::plain, force)),
                     "is part of the case repository"));
    }
    fs::create_directories(s.out / ".git");
    CHECK(has_text(writer_refusal(s.target(".git/r.csv")), ".git/r.csv is inside a .git directory"));
    // A plain file may go beside cti.yaml (in a repository git ignores it, or not a git one).
    CHECK(writer_refusal(s.target(repo + "/board.html")) == "");
  }

  TEST_CASE("check_output: CPR output never inside the case repository, however it is named") {
    WriterSandbox s;
    CHECK(has_text(writer_refusal(s.target(s.repo.string() + "/rapport.csv", Sensitivity::cpr)),
                   "is inside a git work tree (or the case repository)"));
    CHECK(
        has_text(writer_refusal(s.target("../repo/sub/../rapport.csv", Sensitivity::cpr)), "(or the case repository)"));
    fs::create_directory_symlink(s.repo, s.out / "repo-link");
    CHECK(has_text(writer_refusal(s.target("repo-link/rapport.csv", Sensitivity::cpr)), "(or the case repository)"));
    CHECK(writer_refusal(s.target("rapport.csv", Sensitivity::cpr)) == "");
  }

  TEST_CASE("write_output: an existing file only with --force, and the refusal changes nothing") {
    WriterSandbox s;
    WriterSandbox::put(s.out / "r.csv", "old");
    auto err = io::write_output(s.target("r.csv"), "new");
    REQUIRE(err);
    CHECK(*err == "r.csv already exists; use --force to replace it");
    CHECK(read_text_file(s.out / "r.csv") == std::optional<std::string>("old"));
    CHECK_FALSE(io::write_output(s.target("r.csv", Sensitivity::plain, true), "new"));
    CHECK(read_text_file(s.out / "r.csv") == std::optional<std::string>("new"));
    CHECK(s.names(s.out) == Names{"r.csv"});
    i18n::set_lang(Lang::da);
    CHECK(io::write_output(s.target("r.csv"), "x") == "r.csv findes allerede; brug --force for at erstatte den");
  }

  TEST_CASE("write_output: CPR output is mode 0600 and plain output 0644, whatever the umask") {
    WriterSandbox s;
    for (mode_t mask : {mode_t(0), mode_t(022), mode_t(077)}) {
      WriterUmask um(mask);
      const std::string n = std::to_string(mask);
      CHECK_FALSE(io::write_output(s.target("cpr-" + n + ".csv", Sensitivity::cpr), "K-0001;010100-0000\n"));
      CHECK(writer_mode(s.out / ("cpr-" + n + ".csv")) == 0600);
      CHECK_FALSE(io::write_output(s.target("plain-" + n + ".csv"), "K-0001\n"));
      CHECK(writer_mode(s.out / ("plain-" + n + ".csv")) == 0644);
    }
    // Replacing a file gives the new mode, not the old one's.
    WriterSandbox::put(s.out / "old.csv", "x");
    ::chmod((s.out / "old.csv").c_str(), 0666);
    CHECK_FALSE(io::write_output(s.target("old.csv", Sensitivity::cpr, true), "y"));
    CHECK(writer_mode(s.out / "old.csv") == 0600);
  }

  TEST_CASE("write_output: the bytes exactly, empty and large, and no temporary file left behind") {
    WriterSandbox s;
    const std::string big = "\xEF\xBB\xBF" + std::string(3'000'000, 'x') + "æøå\r\n";
    CHECK_FALSE(io::write_output(s.target("big.csv"), big));
    CHECK(read_text_file(s.out / "big.csv") == std::optional<std::string>(big));
    CHECK_FALSE(io::write_output(s.target("empty.csv"), ""));
    CHECK(read_text_file(s.out / "empty.csv") == std::optional<std::string>(""));
    CHECK_FALSE(io::write_output(s.target("big.csv", Sensitivity::plain, true), "small"));
    CHECK(read_text_file(s.out / "big.csv") == std::optional<std::string>("small"));
    CHECK(s.names(s.out) == Names{"big.csv", "empty.csv"});
  }

  TEST_CASE("write_output: a write that fails half-way leaves neither the file nor a temporary one") {
    WriterSandbox s;
    // A file size limit makes write() fail with EFBIG after the first bytes.
    struct rlimit before {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = before;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto err = io::write_output(s.target("r.csv"), std::string(100'000, 'x'));
    WriterSandbox::put(s.out / "keep.csv", "old");
    auto err_replace = io::write_output(s.target("keep.csv", Sensitivity::plain, true), std::string(100'000, 'y'));
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, old_handler);
    CHECK(err);
    CHECK(err_replace);
    CHECK(s.names(s.out) == Names{"keep.csv"});
    CHECK(read_text_file(s.out / "keep.csv") == std::optional<std::string>("old"));
  }
}

}  // namespace cti::test::io_safe_writer
