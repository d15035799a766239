// The output gate: every byte cti prints to standard output or standard error goes
// through an Out, and every Out masks anything CPR-shaped (privacy::redact_output)
// before it writes. Nothing outside src/io/ touches stdout or stderr (a test greps).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace cti::io {

class Out {
 public:
  // Queues text; whole lines are masked and written at once, the rest waits for the
  // next newline or flush(), so a number split over two writes is still masked.
  // False once any write has failed.
  bool write(std::string_view text);
  // Masks and writes what is queued, then flushes the stream.
  bool flush();
  // write + flush.
  bool print(std::string_view text) { return write(text) && flush(); }
  bool is_terminal() const;
  std::FILE* stream() const { return stream_; }

  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  ~Out();

 private:
  friend Out& out();
  friend Out& err();
  explicit Out(std::FILE* s) : stream_(s) {}
  bool emit(std::string_view text);
  std::FILE* stream_;
  std::string pending_;
  bool ok_ = true;
};

Out& out();  // standard output
Out& err();  // standard error

}  // namespace cti::io
