// Putting a file in place whole (io/atomic_file): a new file never over an existing
// name, a replacement atomic and stopped by the unchanged check, a link at the target
// replaced and never followed, the temporary name of a replacement inside .git, and no
// name left behind.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "builders.hpp"
#include "io/atomic_file.hpp"
#include "io/files.hpp"

namespace cti::test::io_atomic_file {

namespace fs = std::filesystem;
using io::place_file;
using io::Placed;

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

TEST_SUITE("atomic_file") {
  TEST_CASE("a new file appears whole, with its mode; never over an existing name") {
    Scratch dir;
    CHECK(place_file(dir / "a.txt", "one", 0600, false).status == Placed::ok);
    CHECK(read_text_file(dir / "a.txt") == std::optional<std::string>("one"));
    CHECK(mode_of(dir / "a.txt") == 0600);
    CHECK(place_file(dir / "a.txt", "two", 0644, false).status == Placed::exists);
    CHECK(read_text_file(dir / "a.txt") == std::optional<std::string>("one"));
    CHECK(dir.names() == std::set<std::string>{"a.txt"});
  }

  TEST_CASE("a replacement, and the unchanged check that stops it") {
    Scratch dir;
    dir.put("a.txt", "old");
    CHECK(place_file(dir / "a.txt", "new", 0644, true).status == Placed::ok);
    CHECK(read_text_file(dir / "a.txt") == std::optional<std::string>("new"));
    CHECK(place_file(dir / "a.txt", "newer", 0644, true, [] { return false; }).status == Placed::changed);
    CHECK(read_text_file(dir / "a.txt") == std::optional<std::string>("new"));
    CHECK(dir.names() == std::set<std::string>{"a.txt"});
  }

  TEST_CASE("a link at the target is replaced, never written through") {
    Scratch dir;
    dir.put("real.txt", "keep");
    fs::create_symlink(dir / "real.txt", dir / "link.txt");
    CHECK(place_file(dir / "link.txt", "mine", 0644, true).status == Placed::ok);
    CHECK(read_text_file(dir / "real.txt") == std::optional<std::string>("keep"));
    CHECK_FALSE(fs::is_symlink(dir / "link.txt"));
  }

  TEST_CASE("the temporary name of a replacement lives in .git, and none is left") {
    Scratch dir;
    fs::create_directories(dir / "repo" / ".git");
    dir.put("repo/forloeb/K-0001.yaml", "old");
    CHECK(io::temp_dir_for(dir / "repo" / "forloeb") == dir / "repo" / ".git");
    CHECK(place_file(dir / "repo" / "forloeb" / "K-0001.yaml", "new", 0644, true).status == Placed::ok);
    CHECK(dir.names("repo/forloeb") == std::set<std::string>{"K-0001.yaml"});
    CHECK(dir.names("repo/.git").empty());
  }

  TEST_CASE("temp_dir_for: a worktree's gitdir file, and no .git at all") {
    Scratch dir;
    fs::create_directories(dir / "main" / ".git" / "worktrees" / "wt");
    dir.put("wt/.git", "gitdir: " + (dir / "main" / ".git" / "worktrees" / "wt").string() + "\n");
    fs::create_directories(dir / "wt" / "sub");
    CHECK(io::temp_dir_for(dir / "wt" / "sub") == dir / "main" / ".git" / "worktrees" / "wt");
    dir.put("broken/.git", "not a gitdir line\n");
    CHECK(io::temp_dir_for(dir / "broken") == dir / "broken");
  }

  TEST_CASE("a missing directory is an error value") {
    Scratch dir;
    auto r = place_file(dir / "no" / "such" / "a.txt", "x", 0644, false);
    CHECK(r.status == Placed::failed);
    CHECK(r.error != 0);
  }
}

}  // namespace cti::test::io_atomic_file
