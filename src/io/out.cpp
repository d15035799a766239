// The output gate (see out.hpp): the only place that writes to stdout and stderr.
#include "io/out.hpp"

#include <unistd.h>

#include "base/cpr_scan.hpp"

namespace cti::io {

bool Out::emit(std::string_view text) {
  // The text between the masked spans is written as it is: no masked copy of the whole.
  privacy::for_each_output_piece(text, [&](std::string_view piece) {
    if (std::fwrite(piece.data(), 1, piece.size(), stream_) != piece.size()) ok_ = false;
  });
  return ok_;
}

bool Out::write(std::string_view text) {
  const auto nl = text.rfind('\n');
  if (nl == std::string_view::npos) {
    pending_.append(text);
    return ok_;
  }
  // Whole lines go out at once; a line begun by an earlier write is joined first, so a
  // number split over two writes is still masked.
  std::string_view lines = text.substr(0, nl + 1);
  if (!pending_.empty()) {
    const auto first = lines.find('\n') + 1;
    pending_.append(lines.substr(0, first));
    emit(pending_);
    pending_.clear();
    lines.remove_prefix(first);
  }
  emit(lines);
  pending_.assign(text.substr(nl + 1));
  return ok_;
}

bool Out::flush() {
  emit(pending_);
  pending_.clear();
  if (std::fflush(stream_) != 0) ok_ = false;
  return ok_;
}

bool Out::is_terminal() const {
  return isatty(fileno(stream_)) != 0;
}

Out::~Out() {
  flush();
}

Out& out() {
  static Out o(stdout);
  return o;
}

Out& err() {
  static Out e(stderr);
  return e;
}

}  // namespace cti::io
