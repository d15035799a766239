// The recording edits: a checklist item, a documentation point, opstart, the afslutning.
#include <fmt/format.h>

#include "edit/document.hpp"
#include "edit/edit.hpp"
#include "edit/place.hpp"

namespace cti::edit {

const std::vector<std::string>& key_order() {
  static const std::vector<std::string> order = {
      "id",           "medarbejder", "delmålgruppe",         "kontakt",     "opstart",
      "indflytning",  "tjekliste",   "dokumentation",        "peer_støtte", "kontakter",
      "fokusområder", "mål",         "ansvar_forankret_hos", "afslutning",  "noter"};
  return order;
}

std::string quote_text(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += fmt::format("\\x{:02x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

Result set_checklist_item(const std::string& bytes, const std::string& item, const std::string& value,
                          const std::vector<std::string>& order, bool force) {
  return set_value(bytes, SetValue{"tjekliste", item, value, true, {}, order, force});
}

Result set_documentation(const std::string& bytes, DocPoint point, Date date, bool force) {
  std::vector<std::string> order;
  for (DocPoint p : kAllDocPoints) order.emplace_back(doc_point_name(p));
  return set_value(
      bytes, SetValue{"dokumentation", std::string(doc_point_name(point)), format_date(date), true, {}, order, force});
}

namespace {

bool id_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}

// `old` as a whole word in the file's comment lines (the template's "# Forløb K-MH-001")
// becomes `id`; no other line changes.
std::string rename_in_comments(const std::string& bytes, const std::string& old, const std::string& id) {
  if (old.empty()) return bytes;
  std::string out;
  for (std::size_t p = 0; p < bytes.size();) {
    std::size_t e = bytes.find('\n', p);
    e = e == std::string::npos ? bytes.size() : e + 1;
    std::string line = bytes.substr(p, e - p);
    std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && (line[first] == '#' || line.compare(first, 4, "\xEF\xBB\xBF#") == 0))
      for (std::size_t at = line.find(old); at != std::string::npos;) {
        const bool whole =
            (at == 0 || !id_char(line[at - 1])) && (at + old.size() >= line.size() || !id_char(line[at + old.size()]));
        if (whole) line.replace(at, old.size(), id);
        at = line.find(old, at + (whole ? id.size() : 1));
      }
    out += line;
    p = e;
  }
  return out;
}

}  // namespace

Result set_id(const std::string& bytes, const std::string& id) {
  auto opened = open_document(bytes);
  if (auto* why = std::get_if<std::string>(&opened)) return Refused{*why};
  const YNode* old = std::get<Document>(opened).root.get("id");
  Result r = set_value(bytes, SetValue{"", "id", id, true, {}, key_order(), true});
  if (auto* e = std::get_if<Edited>(&r); e && old && old->kind == YNode::Kind::scalar)
    e->bytes = rename_in_comments(e->bytes, old->value, id);
  return r;
}

Result set_start(const std::string& bytes, Date date, bool force) {
  return set_value(bytes, SetValue{"", "opstart", format_date(date), true, {}, key_order(), force});
}

Result set_ending(const std::string& bytes, const EndingEdit& e, bool force) {
  const std::vector<std::string> order = {"dato", "status", "årsag"};
  std::vector<SetValue> sets = {
      {"afslutning", "dato", format_date(e.date), true, {}, order, true},
      {"afslutning", "status", e.status, true, {}, order, true},
  };
  if (e.reason) sets.push_back({"afslutning", "årsag", *e.reason, false, quote_text(*e.reason), order, true});

  // All or nothing: every value already there with another value needs force.
  auto opened = open_document(bytes);
  if (auto* why = std::get_if<std::string>(&opened)) return Refused{*why};
  const Document& d = std::get<Document>(opened);
  if (const YNode* b = d.root.get("afslutning"); b && b->is_map() && !force) {
    for (const auto& s : sets) {
      const YNode* v = b->get(s.key);
      if (v && v->kind == YNode::Kind::scalar && v->value != s.value)
        return already_different("afslutning." + s.key, v->value, s.value, s.plain);
    }
  }
  const YNode* block = d.root.get("afslutning");
  Edited out{bytes, false, {}};
  for (const auto& s : sets) {
    Result r = set_value(out.bytes, s);
    if (std::holds_alternative<Refused>(r)) return r;
    Edited& e1 = std::get<Edited>(r);
    if (e1.changed && s.key == "dato") out.previous = e1.previous;
    if (e1.changed) {
      const YNode* v = block && block->is_map() ? block->get(s.key) : nullptr;
      out.changes.push_back({s.key, v && v->kind == YNode::Kind::scalar ? v->value : "", s.value});
    }
    out.changed = out.changed || e1.changed;
    out.bytes = std::move(e1.bytes);
  }
  return out;
}

}  // namespace cti::edit
