// The YAML side of [cpr-leak] (see cpr_yaml.hpp): every scalar of every document with the
// position yaml-cpp gives it, and the end of quoted scalars found by reading the quotes.
#include "load/cpr_yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace cti::cpr_yaml {

namespace {

// Every scalar of a YAML stream (keys and values, each once: aliases are not expanded),
// with the position where it starts; and every event's start.
struct Events : YAML::EventHandler {
  std::vector<Scalar>& items;
  std::vector<std::size_t>& marks;
  Events(std::vector<Scalar>& i, std::vector<std::size_t>& m) : items(i), marks(m) {}
  std::size_t documents = 0, last_document = 0;
  static std::size_t at(const YAML::Mark& m) { return static_cast<std::size_t>(std::max(m.pos, 0)); }
  void mark(const YAML::Mark& m) { marks.push_back(at(m)); }
  void OnDocumentStart(const YAML::Mark& m) override {
    mark(m);
    ++documents;
    last_document = at(m);
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { mark(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { mark(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string& value) override {
    mark(m);
    items.push_back({at(m), m.line + 1, m.column + 1, value, at(m), 0, 0});
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

// One past the closing quote of the quoted scalar opening at `pos` (the text's end when
// it is not closed).
std::size_t closing_quote(std::string_view t, std::size_t pos) {
  const char q = t[pos];
  for (std::size_t i = pos + 1; i < t.size(); ++i) {
    if (q == '"' && t[i] == '\\') {
      ++i;
    } else if (t[i] == q) {
      if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return t.size();
}

std::size_t line_start(std::string_view t, std::size_t pos) {
  const std::size_t nl = pos == 0 ? std::string_view::npos : t.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

}  // namespace

void View::parse() {
  if (parsed_) return;
  parsed_ = true;
  readable_ = text_.size();
  Events ev(scalars_, marks_);
  try {
    std::istringstream in{std::string(text_)};
    YAML::Parser parser(in);
    // yaml-cpp 0.7 can hand out empty documents forever without consuming input (a
    // ',' after a complete node): stop when a document starts where the last one did.
    std::size_t before = 0, where = SIZE_MAX;
    while (parser.HandleNextDocument(ev)) {
      if (ev.documents == before || ev.last_document == where || ev.documents > text_.size() + 1) break;
      before = ev.documents;
      where = ev.last_document;
    }
  } catch (const YAML::Exception& e) {
    // a syntax error is [yaml-syntax]'s business; what was read is still scanned
    readable_ = std::min(readable_, static_cast<std::size_t>(std::max(e.mark.pos, 0)));
    if (e.mark.pos < 0) readable_ = marks_.empty() ? 0 : *std::max_element(marks_.begin(), marks_.end());
  } catch (const std::exception&) {
    readable_ = 0;
  }
  std::sort(marks_.begin(), marks_.end());
  std::stable_sort(scalars_.begin(), scalars_.end(), [](const Scalar& a, const Scalar& b) { return a.pos < b.pos; });
  for (auto& s : scalars_) {
    // A tag or an anchor before the scalar ("!!str", "&a") is not its text.
    std::size_t body = s.pos;
    while (body < text_.size() && (text_[body] == '!' || text_[body] == '&')) {
      body = text_.find_first_of(" \t\n", body);
      body = body == std::string_view::npos ? text_.size() : text_.find_first_not_of(" \t\r\n", body);
      if (body == std::string_view::npos) body = text_.size();
    }
    s.body = body;
    const char c = body < text_.size() ? text_[body] : '\0';
    s.end = (c == '"' || c == '\'') ? closing_quote(text_, body) : next_mark(s.pos);
    s.last_line = line_start(text_, (c == '"' || c == '\'') && s.end > 0 ? s.end - 1 : s.pos);
  }
}

const std::vector<Scalar>& View::scalars() {
  parse();
  return scalars_;
}

std::size_t View::next_mark(std::size_t pos) {
  parse();
  auto next = std::upper_bound(marks_.begin(), marks_.end(), pos);
  return next == marks_.end() ? text_.size() : *next;
}

bool View::is_comment(std::size_t hash) {
  parse();
  if (hash >= readable_) return false;
  auto after = std::upper_bound(scalars_.begin(), scalars_.end(), hash,
                                [](std::size_t h, const Scalar& s) { return h < s.pos; });
  if (after == scalars_.begin()) return true;
  const Scalar& s = *std::prev(after);
  const char c = s.body < text_.size() ? text_[s.body] : '\0';
  const bool quoted_or_block = c == '"' || c == '\'' || c == '|' || c == '>';
  return !(quoted_or_block && hash < s.end);
}

}  // namespace cti::cpr_yaml
