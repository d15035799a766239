// [cpr-leak] (see cpr_leak.hpp): the file name, the raw bytes in one linear pass, and the
// parsed scalars of YAML text, each finding checked against the allowlist.
#include "load/cpr_leak.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <sstream>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"

namespace cti {

using i18n::tr;

CprAllowlist make_allowlist(const Project& p) {
  CprAllowlist a;
  for (const auto& f : p.cpr_allowed) {
    const std::string& v = f.value;
    if (v.rfind("re:", 0) == 0) {
      try {
        a.patterns.emplace_back(v.substr(3), std::regex::ECMAScript | std::regex::optimize);
      } catch (const std::regex_error&) {
        // project_loader reports it
      }
    } else {
      a.exact.push_back(v);
    }
  }
  return a;
}

namespace {

std::string without_dash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-' && c != ' ') out += c;
  return out;
}

bool exact_allowed(const CprAllowlist& a, std::string_view number) {
  const std::string plain = without_dash(number);
  for (const auto& e : a.exact)
    if (e == number || without_dash(e) == plain) return true;
  return false;
}

// A `re:` pattern matching a stretch of `line` that covers [from, to); the search looks
// at most kReach bytes either side, so a long line costs the same per number.
constexpr std::size_t kReach = 80;
bool pattern_allowed(const CprAllowlist& a, std::string_view line, std::size_t from, std::size_t to) {
  if (a.patterns.empty()) return false;
  const std::size_t lo = from > kReach ? from - kReach : 0;
  const std::size_t hi = std::min(line.size(), to + kReach);
  const std::string window(line.substr(lo, hi - lo));
  for (const auto& re : a.patterns)
    for (auto it = std::sregex_iterator(window.begin(), window.end(), re); it != std::sregex_iterator(); ++it) {
      const std::size_t s = lo + static_cast<std::size_t>(it->position()), e = s + it->length();
      if (s <= from && e >= to) return true;
      if (it->length() == 0) break;
    }
  return false;
}

bool has_not_cpr_comment(std::string_view line) {
  auto c = line.find(kNotCprComment);
  if (c == std::string_view::npos) return false;
  auto hash = line.rfind('#', c);
  return hash != std::string_view::npos && line.find_first_not_of(" \t", hash + 1) == c;
}

struct Reporter {
  const std::string& file;
  Diagnostics& out;
  int reported = 0;
  int more = 0;
  void report(Pos p, std::string message) {
    if (reported++ >= kMaxCprReports) {
      ++more;
      return;
    }
    out.push_back(make_diag(file, p, Severity::error, "cpr-leak", std::move(message)));
  }
  void finish() {
    if (more > 0)
      out.push_back(make_diag(file, {1, 1}, Severity::error, "cpr-leak",
                              fmt::format(fmt::runtime(tr("{} more possible CPR number(s) in this file (not listed)",
                                                          "{} muligt/mulige CPR-numre mere i filen (ikke vist)")),
                                          more)));
  }
};

// Every scalar of a YAML stream (keys and values, each once: aliases are not expanded),
// with the position where it starts; parsing stops quietly at a syntax error.
struct Scalars : YAML::EventHandler {
  struct Item {
    std::size_t pos;
    int line, col;
    std::string value;
  };
  std::vector<Item> items;
  std::vector<std::size_t> marks;  // every event's start, sorted: where a scalar's text ends
  void mark(const YAML::Mark& m) { marks.push_back(static_cast<std::size_t>(std::max(m.pos, 0))); }
  std::size_t documents = 0, last_document = 0;  // where the latest document started
  void OnDocumentStart(const YAML::Mark& m) override {
    mark(m);
    ++documents;
    last_document = static_cast<std::size_t>(std::max(m.pos, 0));
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { mark(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { mark(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string& value) override {
    mark(m);
    items.push_back({static_cast<std::size_t>(std::max(m.pos, 0)), m.line + 1, m.column + 1, value});
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    mark(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    mark(m);
  }
  void OnMapEnd() override {}
};

bool is_yaml(const std::string& path) {
  auto ends = [&](std::string_view e) {
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

std::string_view line_at(std::string_view text, std::size_t offset) {
  std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string_view::npos || offset == 0) ? 0 : start + 1;
  std::size_t end = text.find('\n', offset);
  return text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
}

void scan_text(const std::string& path, std::string_view text, Diagnostics& out, const CprAllowlist& allow) {
  Reporter rep{path, out};
  const auto hits = privacy::find_cpr_candidates(text);
  // Line and column kept up to date as the hits go by: one pass over the text in all.
  std::size_t cursor = 0, line_start = 0, line_end = std::string_view::npos;
  int line = 1;
  bool comment_checked = false, comment = false;
  std::vector<std::size_t> raw_hits;  // offsets, allowed or not, for the parsed pass
  for (const auto& h : hits) {
    while (true) {
      const void* nl = cursor < h.offset ? std::memchr(text.data() + cursor, '\n', h.offset - cursor) : nullptr;
      if (!nl) break;
      cursor = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
      line_start = cursor;
      ++line;
      line_end = std::string_view::npos;
      comment_checked = false;
    }
    cursor = h.offset;
    if (line_end == std::string_view::npos) {
      line_end = text.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = text.size();
    }
    raw_hits.push_back(h.offset);
    const std::string_view this_line = text.substr(line_start, line_end - line_start);
    if (!comment_checked) {
      comment = has_not_cpr_comment(this_line);
      comment_checked = true;
    }
    if (comment || exact_allowed(allow, text.substr(h.offset, h.length)) ||
        pattern_allowed(allow, this_line, h.offset - line_start, h.offset - line_start + h.length))
      continue;
    rep.report({line, static_cast<int>(h.offset - line_start) + 1},
               std::string(tr("possible CPR number; keep CPR numbers only in the key file (cpr.yaml)",
                              "muligt CPR-nummer; CPR-numre hører kun til i nøglefilen (cpr.yaml)")));
  }

  // Parsed values: only escapes in double-quoted scalars ("\x30", "\" at a line end) can
  // make digits the bytes do not show, so text without a backslash needs no parse.
  if (is_yaml(path) && text.find('\\') != std::string_view::npos) {
    Scalars s;
    try {
      std::istringstream in{std::string(text)};
      YAML::Parser parser(in);
      // yaml-cpp 0.7 can hand out empty documents forever without consuming input (a
      // ',' after a complete node): stop when a document starts where the last one did.
      std::size_t before = 0, where = SIZE_MAX;
      while (parser.HandleNextDocument(s)) {
        if (s.documents == before || s.last_document == where || s.documents > text.size() + 1) break;
        before = s.documents;
        where = s.last_document;
      }
    } catch (const std::exception&) {
      // a syntax error is [yaml-syntax]'s business; what was read is still scanned
    }
    std::sort(s.marks.begin(), s.marks.end());
    for (const auto& item : s.items) {
      auto found = privacy::find_cpr_candidates(item.value);
      if (found.empty()) continue;
      auto next = std::upper_bound(s.marks.begin(), s.marks.end(), item.pos);
      const std::size_t end = next == s.marks.end() ? text.size() : *next;
      auto raw = std::lower_bound(raw_hits.begin(), raw_hits.end(), item.pos);
      if (raw != raw_hits.end() && *raw < end) continue;  // the bytes already showed it
      // The comment may stand on any line the value spans (after its closing quote).
      bool cleared = false;
      for (std::size_t at = std::min(item.pos, text.size()); !cleared;) {
        const std::string_view l = line_at(text, at);
        cleared = has_not_cpr_comment(l);
        at = static_cast<std::size_t>(l.data() - text.data()) + l.size() + 1;
        if (at >= end || at >= text.size()) break;
      }
      for (const auto& f : found)
        cleared = cleared || exact_allowed(allow, std::string_view(item.value).substr(f.offset, f.length)) ||
                  pattern_allowed(allow, item.value, f.offset, f.offset + f.length);
      if (cleared) continue;
      rep.report({item.line, item.col},
                 std::string(tr("possible CPR number in this value once its escapes are read; keep CPR numbers only "
                                "in the key file (cpr.yaml)",
                                "muligt CPR-nummer i denne værdi, når dens escapes er læst; CPR-numre hører kun til "
                                "i nøglefilen (cpr.yaml)")));
    }
  }
  rep.finish();
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::optional<std::string> decode_utf16(const std::string& b) {
  if (b.size() < 2) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  bool le;
  std::size_t start = 0;
  if (byte(0) == 0xFF && byte(1) == 0xFE) {
    le = true;
    start = 2;
  } else if (byte(0) == 0xFE && byte(1) == 0xFF) {
    le = false;
    start = 2;
  } else {
    // No mark: ASCII text in UTF-16 has a NUL in every other byte of its start.
    const std::size_t n = std::min<std::size_t>(b.size() & ~std::size_t{1}, 512);
    if (n < 4) return std::nullopt;
    bool lo_nul = true, hi_nul = true;
    for (std::size_t i = 0; i < n; i += 2) {
      lo_nul = lo_nul && byte(i) == 0 && byte(i + 1) != 0;
      hi_nul = hi_nul && byte(i + 1) == 0 && byte(i) != 0;
    }
    if (!lo_nul && !hi_nul) return std::nullopt;
    le = hi_nul;
  }
  std::string out;
  out.reserve(b.size() / 2);
  auto unit = [&](std::size_t i) -> char32_t {
    return le ? (byte(i) | (byte(i + 1) << 8)) : ((byte(i) << 8) | byte(i + 1));
  };
  for (std::size_t i = start; i + 1 < b.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
  }
  return out;
}

void scan_for_cpr(const SourceFile& f, Diagnostics& out, const CprAllowlist& allow) {
  if (!privacy::find_cpr_candidates(f.path).empty())
    out.push_back(make_diag(f.path, {1, 1}, Severity::error, "cpr-leak",
                            std::string(tr("the file name holds a possible CPR number; name case files by their id",
                                           "filnavnet indeholder et muligt CPR-nummer; navngiv forløbsfiler efter "
                                           "deres id"))));
  if (f.bytes.size() >= 2 && (f.bytes.find('\0') != std::string::npos || f.bytes[0] == '\xFF' || f.bytes[0] == '\xFE'))
    if (auto text = decode_utf16(f.bytes)) {
      scan_text(f.path, *text, out, allow);
      return;
    }
  scan_text(f.path, f.bytes, out, allow);
}

}  // namespace cti
