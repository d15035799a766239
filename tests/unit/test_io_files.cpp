// Reading and writing files (io/files): bytes read as they are, errors as values, a new
// file never overwrites, a replaced one never half-written, ensure_line through links.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "builders.hpp"
#include "io/files.hpp"

namespace cti::test::io_files {

namespace fs = std::filesystem;

unsigned files_mode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

using Names = std::set<std::string>;

TEST_SUITE("files") {
  TEST_CASE("read_text_file returns the bytes exactly: empty, one byte, NUL, CRLF, BOM, æøå") {
    Scratch dir;
    const std::string odd = std::string("\xEF\xBB\xBFid: K-0001\r\nnoter: æøå\0x\r\n", 32);
    dir.put("empty.yaml", "");
    dir.put("one.yaml", "a");
    dir.put("odd.yaml", odd);
    CHECK(read_text_file(dir / "empty.yaml") == std::optional<std::string>(""));
    CHECK(read_text_file(dir / "one.yaml") == std::optional<std::string>("a"));
    CHECK(read_text_file(dir / "odd.yaml") == std::optional<std::string>(odd));
  }

  TEST_CASE("read_text_file: a file that is not there is nothing, not an exception") {
    Scratch dir;
    CHECK_FALSE(read_text_file(dir / "missing.yaml"));
    CHECK_FALSE(read_text_file(dir / "no-such-dir" / "K-0001.yaml"));
    fs::create_symlink(dir / "gone.yaml", dir / "dangling.yaml");
    CHECK_FALSE(read_text_file(dir / "dangling.yaml"));
  }

  TEST_CASE("read_text_file reads a long file whole") {
    Scratch dir;
    const std::string line(200'000, 'x');
    dir.put("long.txt", line + "\n" + line);
    auto got = read_text_file(dir / "long.txt");
    REQUIRE(got);
    CHECK(got->size() == 400'001);
  }

  TEST_CASE("write_new_file creates the file with exactly its mode and leaves no temporary file") {
    Scratch dir;
    CHECK_FALSE(write_new_file(dir / "a.yaml", "id: K-0001\n"));
    CHECK(read_text_file(dir / "a.yaml") == std::optional<std::string>("id: K-0001\n"));
    CHECK(files_mode(dir / "a.yaml") == 0644);
    CHECK_FALSE(write_new_file(dir / "b.yaml", "", 0600));
    CHECK(files_mode(dir / "b.yaml") == 0600);
    CHECK(read_text_file(dir / "b.yaml") == std::optional<std::string>(""));
    CHECK(dir.names() == Names{"a.yaml", "b.yaml"});
  }

  TEST_CASE("write_new_file never overwrites: an existing file or link stays as it was") {
    Scratch dir;
    dir.put("K-0001.yaml", "old\n");
    fs::create_symlink(dir / "gone.yaml", dir / "link.yaml");
    auto err = write_new_file(dir / "K-0001.yaml", "new\n");
    REQUIRE(err);
    CHECK(err->find("K-0001.yaml") != std::string::npos);
    CHECK(read_text_file(dir / "K-0001.yaml") == std::optional<std::string>("old\n"));
    CHECK(write_new_file(dir / "link.yaml", "new\n"));
    CHECK(fs::is_symlink(dir / "link.yaml"));
    CHECK_FALSE(fs::exists(dir / "gone.yaml"));
    CHECK(dir.names() == Names{"K-0001.yaml", "link.yaml"});
    CHECK(write_new_file(dir / "no-such-dir" / "x.yaml", "x"));
  }

  TEST_CASE("replace_file replaces the content whole and leaves no temporary file") {
    Scratch dir;
    dir.put("K-0001.yaml", "old\n");
    CHECK_FALSE(replace_file(dir / "K-0001.yaml", "new æøå\n"));
    CHECK(read_text_file(dir / "K-0001.yaml") == std::optional<std::string>("new æøå\n"));
    CHECK_FALSE(replace_file(dir / "fresh.yaml", "x", 0600));  // no file yet is fine too
    CHECK(files_mode(dir / "fresh.yaml") == 0600);
    CHECK(dir.names() == Names{"K-0001.yaml", "fresh.yaml"});
    CHECK(replace_file(dir / "no-such-dir" / "x.yaml", "x"));
  }

  TEST_CASE("ensure_line appends a line once, after a missing final newline") {
    Scratch dir;
    CHECK_FALSE(ensure_line(dir / ".gitignore", "cpr.yaml"));
    CHECK(read_text_file(dir / ".gitignore") == std::optional<std::string>("cpr.yaml\n"));
    CHECK_FALSE(ensure_line(dir / ".gitignore", "cpr.yaml"));  // already there
    CHECK(read_text_file(dir / ".gitignore") == std::optional<std::string>("cpr.yaml\n"));
    dir.put("other", "*.csv");  // no newline at the end
    CHECK_FALSE(ensure_line(dir / "other", "cpr.yaml"));
    CHECK(read_text_file(dir / "other") == std::optional<std::string>("*.csv\ncpr.yaml\n"));
    dir.put("rooted", "/cpr.yaml\n");  // the anchored form counts as the same line
    CHECK_FALSE(ensure_line(dir / "rooted", "cpr.yaml"));
    CHECK(read_text_file(dir / "rooted") == std::optional<std::string>("/cpr.yaml\n"));
  }

  TEST_CASE("ensure_line appends through a symbolic link and never replaces a dangling one") {
    Scratch dir;
    dir.put("shared", "*.csv");
    fs::create_symlink(dir / "shared", dir / ".gitignore");
    CHECK_FALSE(ensure_line(dir / ".gitignore", "cpr.yaml"));
    CHECK(fs::is_symlink(dir / ".gitignore"));
    CHECK(read_text_file(dir / "shared") == std::optional<std::string>("*.csv\ncpr.yaml\n"));

    fs::create_symlink(dir / "gone", dir / "dangling");
    CHECK(ensure_line(dir / "dangling", "cpr.yaml"));
    CHECK(fs::is_symlink(dir / "dangling"));
    CHECK_FALSE(fs::exists(dir / "gone"));
  }
}

}  // namespace cti::test::io_files
