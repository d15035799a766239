// A folder held open and listed (io/dir_handle): the listing names every entry but "."
// and "..", hidden ones too, says which are plain files without a stat, and says why a
// folder cannot be read.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <string>

#include "builders.hpp"
#include "io/dir_handle.hpp"

namespace cti::test::io_dir_handle {

namespace fs = std::filesystem;

TEST_SUITE("io/dir_handle") {
  TEST_CASE("list_dir names files, folders and links, and marks only plain files") {
    Scratch dir;
    dir.put("K-0001.yaml", "id: K-0001\n");
    dir.put(".gitkeep", "");
    fs::create_directory(dir / "sub");
    fs::create_symlink("K-0001.yaml", dir / "link.yaml");
    REQUIRE(::mkfifo((dir / "pipe.yaml").c_str(), 0600) == 0);
    int error = -1;
    std::map<std::string, bool> got;
    for (const auto& e : io::list_dir(dir.root, error)) got[e.name] = e.plain_file;
    CHECK(error == 0);
    const std::map<std::string, bool> want = {
        {".gitkeep", true}, {"K-0001.yaml", true}, {"link.yaml", false}, {"pipe.yaml", false}, {"sub", false}};
    CHECK(got == want);
  }

  TEST_CASE("list_dir of a missing folder or a file gives the errno and no entries") {
    Scratch dir;
    dir.put("file", "x");
    int error = 0;
    CHECK(io::list_dir(dir / "missing", error).empty());
    CHECK(error == ENOENT);
    CHECK(io::list_dir(dir / "file", error).empty());
    CHECK(error == ENOTDIR);
  }

  TEST_CASE("a DirHandle is -1 for a missing folder and usable for an existing one") {
    Scratch dir;
    CHECK(io::DirHandle(dir / "missing").fd() == -1);
    const io::DirHandle held(dir.root);
    CHECK(held.fd() >= 0);
  }
}

}  // namespace cti::test::io_dir_handle
