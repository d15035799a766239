// [cpr-leak] (see cpr_leak.hpp): the file name, the raw bytes in one linear pass (or, for a
// binary file, its ASCII and UTF-16 text), and the parsed scalars of YAML text, each number
// judged on its own against the allowlist and a real `# cti: ikke-cpr` comment on its line.
#include "load/cpr_leak.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "base/lang.hpp"
#include "load/cpr_yaml.hpp"

namespace cti {

using i18n::count_text;
using i18n::tr;
using privacy::ReadHit;

namespace {

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
      out.push_back(make_diag(
          file, {1, 1}, Severity::error, "cpr-leak",
          count_text(more, "{} more possible CPR number in this file (not listed)",
                     "{} more possible CPR numbers in this file (not listed)",
                     "{} muligt CPR-nummer mere i filen (ikke vist)", "{} mulige CPR-numre mere i filen (ikke vist)")));
  }
};

bool is_yaml(const std::string& path) {
  auto ends = [&](std::string_view e) {
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

// Whether text[from, to) (one line) holds `# cti: ikke-cpr`: a '#' at the line start or
// after a blank, then blanks, then the words; in YAML a real comment, not part of a value.
bool has_not_cpr_comment(std::string_view text, std::size_t from, std::size_t to, cpr_yaml::View* yaml) {
  const std::string_view line = text.substr(from, to - from);
  for (std::size_t c = line.find(kNotCprComment); c != std::string_view::npos; c = line.find(kNotCprComment, c + 1)) {
    const std::size_t hash = c == 0 ? std::string_view::npos : line.rfind('#', c - 1);
    if (hash == std::string_view::npos || line.find_first_not_of(" \t", hash + 1) != c) continue;
    if (hash > 0 && line[hash - 1] != ' ' && line[hash - 1] != '\t') continue;
    if (!yaml || yaml->is_comment(from + hash)) return true;
  }
  return false;
}

const char* kFoundText[] = {"possible CPR number; keep CPR numbers only in the key file (cpr.yaml)",
                            "muligt CPR-nummer; CPR-numre hører kun til i nøglefilen (cpr.yaml)"};

// Line and column kept up to date as the hits go by: one pass over the text in all.
struct LineCursor {
  std::string_view text;
  std::size_t cursor = 0, start = 0, end = std::string_view::npos;
  int line = 1;
  bool moved = true;  // a new line since the last call
  void to(std::size_t offset) {
    while (true) {
      const void* nl = cursor < offset ? std::memchr(text.data() + cursor, '\n', offset - cursor) : nullptr;
      if (!nl) break;
      cursor = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
      start = cursor;
      ++line;
      end = std::string_view::npos;
      moved = true;
    }
    cursor = std::max(cursor, offset);
    if (end == std::string_view::npos) {
      end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
    }
  }
};

// The parsed values of YAML text: a number made by escapes or folded lines, which the
// bytes do not show. Each number of a value that the bytes of the value already showed
// (the same digits) was judged by the raw pass; every other one is judged here.
void scan_values(std::string_view text, cpr_yaml::View& yaml, const std::vector<ReadHit>& raw, Reporter& rep,
                 const CprAllowlist& allow) {
  for (const auto& item : yaml.scalars()) {
    const auto found = privacy::find_cpr_readable(item.value);
    if (found.empty()) continue;
    const std::size_t end = std::max(yaml.next_mark(item.pos), item.end);
    auto first = std::lower_bound(raw.begin(), raw.end(), item.pos,
                                  [](const ReadHit& h, std::size_t pos) { return h.offset < pos; });
    std::vector<bool> used;
    for (auto r = first; r != raw.end() && r->offset < end; ++r) used.push_back(false);
    std::optional<bool> comment;
    for (const auto& f : found) {
      bool shown = false;
      std::size_t k = 0;
      for (auto r = first; !shown && r != raw.end() && r->offset < end; ++r, ++k)
        if (!used[k] && r->number() == f.number()) shown = used[k] = true;
      if (shown) continue;
      const std::size_t nl = item.value.rfind('\n', f.offset);
      const std::size_t lf = nl == std::string::npos ? 0 : nl + 1;
      const std::size_t lt = std::min(item.value.find('\n', f.offset + f.length), item.value.size());
      if (cpr_allowed(allow, item.value, f, lf, lt)) continue;
      // The comment may stand on the value's first line or on the line of its closing quote.
      if (!comment) {
        auto line_of = [&](std::size_t from) {
          std::size_t to = text.find('\n', from);
          return has_not_cpr_comment(text, from, to == std::string_view::npos ? text.size() : to, &yaml);
        };
        const std::size_t first_line = text.rfind('\n', item.pos == 0 ? 0 : item.pos - 1);
        const std::size_t from = item.pos == 0 || first_line == std::string_view::npos ? 0 : first_line + 1;
        comment = line_of(from) || (item.last_line != from && line_of(item.last_line));
      }
      if (*comment) continue;
      rep.report({item.line, item.col},
                 std::string(tr("possible CPR number in this value once its escapes are read; keep CPR numbers only "
                                "in the key file (cpr.yaml)",
                                "muligt CPR-nummer i denne værdi, når dens escapes er læst; CPR-numre hører kun til "
                                "i nøglefilen (cpr.yaml)")));
    }
  }
}

void scan_text(const std::string& path, std::string_view text, Diagnostics& out, const CprAllowlist& allow) {
  Reporter rep{path, out};
  const bool yaml_file = is_yaml(path);
  std::unique_ptr<cpr_yaml::View> yaml;
  auto view = [&] {
    if (!yaml) yaml = std::make_unique<cpr_yaml::View>(text);
    return yaml.get();
  };
  const auto hits = privacy::find_cpr_readable(text);
  LineCursor at{text};
  bool comment = false;
  for (const auto& h : hits) {
    at.to(h.offset);
    if (at.moved) {
      const bool marker = text.substr(at.start, at.end - at.start).find(kNotCprComment) != std::string_view::npos;
      comment = marker && has_not_cpr_comment(text, at.start, at.end, yaml_file ? view() : nullptr);
      at.moved = false;
    }
    if (comment || cpr_allowed(allow, text, h, at.start, at.end)) continue;
    rep.report({at.line, static_cast<int>(h.offset - at.start) + 1}, std::string(tr(kFoundText[0], kFoundText[1])));
  }

  // Parsed values: only escapes in double-quoted scalars ("\x30", "\" at a line end) and
  // scalars folded over lines can make a number the bytes do not show, so text without a
  // backslash and without digits that line breaks could join needs no parse.
  if (yaml_file &&
      (text.find('\\') != std::string_view::npos || privacy::find_cpr_readable(text, {true}).size() > hits.size()))
    scan_values(text, *view(), hits, rep, allow);
  rep.finish();
}

// A binary file, read as `strings` would read it: its ASCII text, and its UTF-16 text of
// either byte order (a digit with a NUL after it, at even or odd offsets). A finding is
// placed at line 1 and the byte offset (plus one) as the column.
void scan_binary(const std::string& path, const std::string& bytes, Diagnostics& out, const CprAllowlist& allow) {
  Reporter rep{path, out};
  const std::string what(
      tr("possible CPR number in the text of this binary file; keep CPR numbers only in the key "
         "file (cpr.yaml)",
         "muligt CPR-nummer i teksten i denne binære fil; CPR-numre hører kun til i nøglefilen "
         "(cpr.yaml)"));
  auto judge = [&](std::string_view text, std::size_t scale, std::size_t shift) {
    LineCursor at{text};
    for (const auto& h : privacy::find_cpr_readable(text)) {
      at.to(h.offset);
      if (!cpr_allowed(allow, text, h, at.start, at.end))
        rep.report({1, static_cast<int>(std::min<std::size_t>(h.offset * scale + shift, INT32_MAX - 1)) + 1}, what);
    }
  };
  judge(bytes, 1, 0);
  for (std::size_t align = 0; align < 2; ++align) {
    std::string wide;
    wide.reserve(bytes.size() / 2);
    for (std::size_t i = align; i + 1 < bytes.size(); i += 2)
      wide += bytes[i + 1] == '\0' && bytes[i] != '\0' ? bytes[i] : '\x01';
    judge(wide, 2, align);
  }
  rep.finish();
}

}  // namespace

void scan_for_cpr(const SourceFile& f, Diagnostics& out, const CprAllowlist& allow) {
  if (name_holds_cpr(f.path, allow))
    out.push_back(make_diag(f.path, {1, 1}, Severity::error, "cpr-leak",
                            std::string(tr("the file name holds a possible CPR number; name case files by their id",
                                           "filnavnet indeholder et muligt CPR-nummer; navngiv forløbsfiler efter "
                                           "deres id"))));
  const bool nul = f.bytes.find('\0') != std::string::npos;
  if (f.bytes.size() >= 2 && (nul || f.bytes[0] == '\xFF' || f.bytes[0] == '\xFE'))
    if (auto text = decode_utf16(f.bytes)) {
      scan_text(f.path, *text, out, allow);
      return;
    }
  if (nul)
    scan_binary(f.path, f.bytes, out, allow);
  else
    scan_text(f.path, f.bytes, out, allow);
}

}  // namespace cti
