// The repository lock and the checked replacement of a case file (io/case_lock): one
// holder at a time, the lock released with its object, FIFOs and links refused without
// blocking, a replacement only over the bytes that were read.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "builders.hpp"
#include "io/case_lock.hpp"
#include "io/files.hpp"

namespace cti::test::io_case_lock {

namespace fs = std::filesystem;
using io::RepoLock;

TEST_SUITE("case_lock") {
  TEST_CASE("one holder at a time; the lock goes with its object") {
    Scratch dir;
    {
      auto first = RepoLock::acquire(dir.root, 0);
      REQUIRE(std::holds_alternative<RepoLock>(first));
      CHECK(std::get<RepoLock>(first).held());
      auto second = RepoLock::acquire(dir.root, 0);
      CHECK(std::holds_alternative<std::string>(second));
    }
    auto again = RepoLock::acquire(dir.root, 0);
    CHECK(std::holds_alternative<RepoLock>(again));
  }

  TEST_CASE("read_case_file: bytes, and refusals that never block") {
    Scratch dir;
    dir.put("K-0001.yaml", "id: K-0001\n");
    CHECK(io::read_case_file(dir / "K-0001.yaml").bytes == std::optional<std::string>("id: K-0001\n"));
    REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);
    auto fifo = io::read_case_file(dir / "fifo.yaml");
    CHECK_FALSE(fifo.bytes);
    CHECK_FALSE(fifo.error.empty());
    fs::create_symlink(dir / "K-0001.yaml", dir / "link.yaml");
    CHECK_FALSE(io::read_case_file(dir / "link.yaml").bytes);
    CHECK_FALSE(io::read_case_file(dir / "missing.yaml").bytes);
  }

  TEST_CASE("replace_if_unchanged: only over the bytes that were read") {
    Scratch dir;
    dir.put("K-0001.yaml", "read\n");
    CHECK(io::replace_if_unchanged(dir / "K-0001.yaml", "read\n", "edited\n", 0644).status == io::Replaced::ok);
    CHECK(read_text_file(dir / "K-0001.yaml") == std::optional<std::string>("edited\n"));
    dir.put("K-0001.yaml", "edited\n# another program\n");
    CHECK(io::replace_if_unchanged(dir / "K-0001.yaml", "edited\n", "mine\n", 0644).status == io::Replaced::changed);
    CHECK(read_text_file(dir / "K-0001.yaml") == std::optional<std::string>("edited\n# another program\n"));
    CHECK(dir.names() == std::set<std::string>{"K-0001.yaml"});
  }
}

}  // namespace cti::test::io_case_lock
