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
  if (const YNode* block = d.root.get("afslutning"); block && block->is_map() && !force) {
    for (const auto& s : sets) {
      const YNode* v = block->get(s.key);
      if (v && v->kind == YNode::Kind::scalar && v->value != s.value)
        return already_different("afslutning." + s.key, v->value, s.value, s.plain);
    }
  }
  Edited out{bytes, false, {}};
  for (const auto& s : sets) {
    Result r = set_value(out.bytes, s);
    if (std::holds_alternative<Refused>(r)) return r;
    Edited& e1 = std::get<Edited>(r);
    if (e1.changed && s.key == "dato") out.previous = e1.previous;
    out.changed = out.changed || e1.changed;
    out.bytes = std::move(e1.bytes);
  }
  return out;
}

}  // namespace cti::edit
