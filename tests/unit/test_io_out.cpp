// The output gate (io/out): what goes through io::out() or io::err() comes out with every
// CPR-shaped number masked, even when it is written in pieces. Each test points the real
// stdout or stderr at a temporary file for the time of its writes.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "io/files.hpp"
#include "io/out.hpp"

namespace cti::test::io_out {

namespace fs = std::filesystem;

// While it lives, file descriptor `fd` writes to a temporary file; text() ends the
// capture (flushing `stream` first) and returns what was written.
class GateCapture {
 public:
  GateCapture(std::FILE* stream, int fd) : stream_(stream), fd_(fd) {
    file_ = fs::temp_directory_path() / ("cti-unit-out-" + std::to_string(std::random_device{}()));
    std::fflush(stream_);
    saved_ = ::dup(fd_);
    const int to = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ::dup2(to, fd_);
    ::close(to);
  }
  std::string text() {
    restore();
    return read_text_file(file_).value_or("<unreadable>");
  }
  ~GateCapture() {
    restore();
    std::error_code ec;
    fs::remove(file_, ec);
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stream_);
    ::dup2(saved_, fd_);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* stream_;
  int fd_;
  int saved_ = -1;
  fs::path file_;
};

TEST_SUITE("output gate") {
  TEST_CASE("io::out masks a CPR number in both forms and leaves dates, ids and æøå alone") {
    GateCapture cap(stdout, STDOUT_FILENO);
    io::out().print("K-0001 150632-4123 opstart 2025-02-03, æøå 1506324123\n");
    CHECK(cap.text() == "K-0001 XXXXXX-XXXX opstart 2025-02-03, æøå XXXXXX-XXXX\n");
  }

  TEST_CASE("io::err masks as io::out does") {
    GateCapture cap(stderr, STDERR_FILENO);
    io::err().print("forloeb/150632-4123.yaml:1:1: error: x [cpr-leak]\n");
    CHECK(cap.text() == "forloeb/XXXXXX-XXXX.yaml:1:1: error: x [cpr-leak]\n");
  }

  TEST_CASE("io::out masks a number written in pieces, one byte at a time") {
    GateCapture cap(stdout, STDOUT_FILENO);
    io::out().write("noter: 1506");
    io::out().write("32-41");
    io::out().write("23 slut\n");
    for (char c : std::string("150632-4123\n")) io::out().write(std::string_view(&c, 1));
    io::out().flush();
    CHECK(cap.text() == "noter: XXXXXX-XXXX slut\nXXXXXX-XXXX\n");
  }

  TEST_CASE("io::out holds text without a newline until flush, and masks it then") {
    GateCapture cap(stdout, STDOUT_FILENO);
    io::out().write("første linje\nanden 150632");
    io::out().write("4123");
    io::out().flush();
    CHECK(cap.text() == "første linje\nanden XXXXXX-XXXX");
  }

  TEST_CASE("io::out: empty writes, a lone newline and a long line") {
    const std::string long_line = std::string(100'000, 'a') + " 150632-4123 " + std::string(100'000, 'b');
    GateCapture cap(stdout, STDOUT_FILENO);
    CHECK(io::out().write(""));
    CHECK(io::out().print(""));
    CHECK(io::out().print("\n"));
    CHECK(io::out().print(long_line + "\n"));
    const std::string got = cap.text();
    CHECK(got == "\n" + std::string(100'000, 'a') + " XXXXXX-XXXX " + std::string(100'000, 'b') + "\n");
  }
}

}  // namespace cti::test::io_out
