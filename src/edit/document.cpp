// A case file's lines: reading them, finding the extent of a block, inserting lines,
// and where the value of a `key: value` line lies.
#include "edit/document.hpp"

#include <algorithm>

namespace cti::edit {

std::string key_form(std::string_view s) {
  std::string out(s);
  for (std::size_t p; (p = out.find("a\xCC\x8A")) != std::string::npos;) out.replace(p, 3, "\xC3\xA5");
  for (std::size_t p; (p = out.find("A\xCC\x8A")) != std::string::npos;) out.replace(p, 3, "\xC3\x85");
  return out;
}

bool same_key(std::string_view a, std::string_view b) {
  return a == b || key_form(a) == key_form(b);
}

const YNode* YNode::key_of(std::string_view key) const {
  if (!is_map()) return nullptr;
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2)
    if (kids[i].kind == Kind::scalar && same_key(kids[i].value, key)) return &kids[i];
  return nullptr;
}

const YNode* YNode::get(std::string_view key) const {
  const YNode* k = key_of(key);
  return k ? k + 1 : nullptr;
}
std::string_view Document::line(int i) const {
  if (i < 0 || i >= lines()) return {};  // a mark past the last line (a value at the end of the file)
  std::size_t b = starts[i];
  std::size_t e = (i + 1 < lines()) ? starts[i + 1] : body.size();
  std::string_view l(body.data() + b, e - b);
  if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

int Document::indent(int i) const {
  std::string_view l = line(i);
  std::size_t n = l.find_first_not_of(' ');
  return static_cast<int>(n == std::string_view::npos ? l.size() : n);
}

bool Document::blank(int i) const {
  return line(i).find_first_not_of(" \t") == std::string_view::npos;
}

bool Document::comment(int i) const {
  std::string_view l = line(i);
  std::size_t n = l.find_first_not_of(" \t");
  return n != std::string_view::npos && l[n] == '#';
}

std::string Document::bytes() const {
  return (bom ? std::string(kBom) : std::string()) + body;
}

int Document::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<int>(it - starts.begin()) - 1;
}

int Document::block_end(int first, int limit, bool key) const {
  const int own = indent(first);
  int end = first;
  auto reach_of = [&](int i) { return i >= 0 && i < static_cast<int>(reach.size()) ? reach[i] : i; };
  int covered = reach_of(first);
  for (int i = first + 1; i < limit && i < lines(); ++i) {
    if (i <= covered) {  // inside a value that spans lines, whatever its indentation
      if (!blank(i)) end = i;
      covered = std::max(covered, reach_of(i));
      continue;
    }
    if (blank(i)) continue;
    const int in = indent(i);
    std::string_view l = line(i);
    const bool dash = key && in == own && l.size() > static_cast<std::size_t>(in) && l[in] == '-' &&
                      (l.size() == static_cast<std::size_t>(in) + 1 || l[in + 1] == ' ');
    if (in > own || dash) {
      end = i;
      covered = std::max(covered, reach_of(i));
    } else if (!comment(i))
      break;
  }
  return end;
}

void Document::insert_lines(int at, const std::vector<std::string>& text) {
  std::string add;
  std::size_t offset = body.size();
  if (at < lines()) {
    offset = starts[at];
    for (const auto& t : text) add += t + eol;
  } else if (!body.empty() && body.back() != '\n') {
    for (const auto& t : text) add += eol + t;  // the file keeps ending without a line break
  } else {
    for (const auto& t : text) add += t + eol;
  }
  body.insert(offset, add);
  reindex();
}

void Document::reindex() {
  reach.clear();
  starts.clear();
  for (std::size_t p = 0; p < body.size();) {
    starts.push_back(p);
    std::size_t n = body.find('\n', p);
    p = (n == std::string::npos) ? body.size() : n + 1;
  }
}

void Document::erase_lines(int from, int to) {
  const std::size_t b = starts[from];
  const std::size_t e = to + 1 < lines() ? starts[to + 1] : body.size();
  body.erase(b, e - b);
  reindex();
}

void Document::replace_in_line(int i, std::size_t from, std::size_t to, std::string_view text) {
  body.replace(starts[i] + from, to - from, text);
  reindex();
}

std::optional<ValueSpan> value_span(std::string_view l) {
  std::size_t p = l.find_first_not_of(' ');
  if (p == std::string_view::npos) return std::nullopt;
  if (l[p] == '"' || l[p] == '\'') {  // a quoted key
    const char q = l[p];
    for (++p; p < l.size() && l[p] != q; ++p)
      if (q == '"' && l[p] == '\\') ++p;
    if (p >= l.size()) return std::nullopt;
    p = l.find(':', p);
  } else {
    for (; p < l.size(); ++p)
      if (l[p] == ':' && (p + 1 == l.size() || l[p + 1] == ' ' || l[p + 1] == '\t')) break;
  }
  if (p == std::string_view::npos || p >= l.size()) return std::nullopt;
  ValueSpan s;
  s.begin = s.end = p + 1;
  std::size_t v = l.find_first_not_of(" \t", p + 1);
  if (v == std::string_view::npos || l[v] == '#') return s;
  s.begin = v;
  if (l[v] == '"' || l[v] == '\'') {
    s.quote = l[v];
    std::size_t e = v + 1;
    for (; e < l.size(); ++e) {
      if (s.quote == '"' && l[e] == '\\')
        ++e;
      else if (s.quote == '\'' && l[e] == '\'' && e + 1 < l.size() && l[e + 1] == '\'')
        ++e;
      else if (l[e] == s.quote)
        break;
    }
    if (e >= l.size()) return std::nullopt;
    s.end = e + 1;
    return s;
  }
  std::size_t e = v;
  while (e < l.size() && !((l[e] == '#') && (l[e - 1] == ' ' || l[e - 1] == '\t'))) ++e;
  while (e > v && (l[e - 1] == ' ' || l[e - 1] == '\t')) --e;
  s.end = e;
  return s;
}
}  // namespace cti::edit
