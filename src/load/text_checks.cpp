#include "load/text_checks.hpp"

#include <fmt/format.h>

#include "base/lang.hpp"
#include "base/unicode.hpp"

namespace cti {

using i18n::tr;

std::string file_stem(const std::string& path) {
  auto slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0) name.resize(name.size() - 5);
  return nfc(name);  // compared with the id in the file, which is NFC (SPEC 2)
}

Pos pos_at(const std::string& bytes, std::size_t offset) {
  Pos p{1, 1};
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++p.line;
      p.col = 1;
    } else {
      ++p.col;
    }
  }
  return p;
}

namespace {

// Offset of the first byte that breaks UTF-8, or npos. Besides broken sequences this
// rejects overlong forms (C0/C1, E0 80-9F, F0 80-8F), UTF-16 surrogates encoded as UTF-8
// (ED A0-BF) and code points above U+10FFFF (F4 90-BF, F5-FF), as RFC 3629 says.
std::size_t invalid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || (extra == 1 && c < 0xC2) || c > 0xF4) return i;
    for (int k = 1; k <= extra; ++k)
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (extra >= 2) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
        return i;
    }
    i += extra + 1;
  }
  return std::string::npos;
}

bool starts_with(std::string_view line, std::string_view marker) {
  return line.substr(0, marker.size()) == marker &&
         (line.size() == marker.size() || line[marker.size()] == ' ' || line[marker.size()] == '\r');
}

}  // namespace

bool check_text(const SourceFile& f, Diagnostics& out) {
  const std::string& b = f.bytes;
  if (b.size() > kMaxFileBytes) {
    out.push_back(make_diag(f.path, {1, 1}, Severity::error, "file-too-large",
                            fmt::format(fmt::runtime(tr("file is {} bytes; a forløb file may be at most {} bytes",
                                                        "filen fylder {} byte; en forløbsfil må højst fylde {} byte")),
                                        b.size(), kMaxFileBytes)));
    return false;
  }
  if (auto nul = b.find('\0'); nul != std::string::npos) {
    out.push_back(make_diag(f.path, pos_at(b, nul), Severity::error, "encoding",
                            std::string(tr("binary file (contains a NUL byte); expected UTF-8 text",
                                           "binær fil (indeholder en NUL-byte); forventede UTF-8-tekst"))));
    return false;
  }
  if (auto bad = invalid_utf8(b); bad != std::string::npos) {
    out.push_back(make_diag(
        f.path, pos_at(b, bad), Severity::error, "encoding",
        std::string(tr("not valid UTF-8; save the file as UTF-8", "ikke gyldig UTF-8; gem filen som UTF-8"))));
    return false;
  }
  bool parseable = true;
  int line_no = 1;
  for (std::size_t start = 0; start <= b.size();) {
    std::size_t end = b.find('\n', start);
    if (end == std::string::npos) end = b.size();
    std::string_view line(b.data() + start, end - start);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 BOM
    if (starts_with(line, "<<<<<<<") || starts_with(line, "=======") || starts_with(line, ">>>>>>>") ||
        starts_with(line, "|||||||")) {
      out.push_back(make_diag(f.path, {line_no, 1}, Severity::error, "merge-conflict",
                              std::string(tr("git merge-conflict marker; resolve the conflict and remove the marker",
                                             "git-flettekonfliktmarkør; løs konflikten og fjern markøren"))));
      parseable = false;
    }
    start = end + 1;
    ++line_no;
  }
  return parseable;
}

std::optional<Pos> indent_tab(const std::string& bytes, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = bytes.find('\n', start);
    if (start == std::string::npos) return std::nullopt;
    ++start;
  }
  for (std::size_t i = start; i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t'); ++i)
    if (bytes[i] == '\t') return Pos{line, static_cast<int>(i - start) + 1};
  return std::nullopt;
}

}  // namespace cti
