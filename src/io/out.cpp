// The output gate (see out.hpp): the only place that writes to stdout and stderr.
#include "io/out.hpp"

#include <unistd.h>

#include "base/cpr_scan.hpp"

namespace cti::io {

bool Out::emit(std::string_view text) {
  if (text.empty()) return ok_;
  const std::string masked = privacy::redact_output(text);
  if (std::fwrite(masked.data(), 1, masked.size(), stream_) != masked.size()) ok_ = false;
  return ok_;
}

bool Out::write(std::string_view text) {
  pending_.append(text);
  const auto nl = pending_.rfind('\n');
  if (nl == std::string::npos) return ok_;
  emit(std::string_view(pending_).substr(0, nl + 1));
  pending_.erase(0, nl + 1);
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
