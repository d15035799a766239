// The safety net under every byte edit: the edited file is read again and must be the old
// tree with exactly the intended change. A layout the line placement misjudged (a value
// spread over lines in an unusual way, say) is then refused instead of written.
#include <fmt/format.h>

#include <algorithm>

#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "edit/document.hpp"
#include "edit/place.hpp"

namespace cti::edit {

namespace {

// A canonical text of a tree: mappings by sorted key, lists as sorted collections,
// lines and styles ignored.
std::string canon(const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::null:
      return "~";
    case YNode::Kind::scalar: {
      std::string out = "s";  // built by appending: GCC 12 warns falsely on "s" + string (-Wrestrict)
      out += std::to_string(n.value.size());
      out += ':';
      return out += n.value;
    }
    case YNode::Kind::map: {
      std::vector<std::string> pairs;
      for (std::size_t i = 0; i + 1 < n.kids.size(); i += 2) {
        const std::string key = key_form(n.kids[i].value);
        std::string pair = "k";
        pair += std::to_string(key.size());
        pair += ':';
        pair += key;
        pairs.push_back(pair += canon(n.kids[i + 1]));
      }
      std::sort(pairs.begin(), pairs.end());
      std::string out = "{";
      for (const auto& p : pairs) out += p + ",";
      return out + "}";
    }
    case YNode::Kind::seq: {
      std::vector<std::string> items;
      for (const auto& k : n.kids) items.push_back(canon(k));
      std::sort(items.begin(), items.end());
      std::string out = "[";
      for (const auto& i : items) out += i + ",";
      return out + "]";
    }
  }
  return {};
}

}  // namespace

YNode scalar_node(std::string value) {
  YNode n;
  n.kind = YNode::Kind::scalar;
  n.value = std::move(value);
  return n;
}

YNode& set_child(YNode& map, std::string_view key, YNode value) {
  map.kind = YNode::Kind::map;
  for (std::size_t i = 0; i + 1 < map.kids.size(); i += 2)
    if (same_key(map.kids[i].value, key)) return map.kids[i + 1] = std::move(value);
  map.kids.push_back(scalar_node(std::string(key)));
  map.kids.push_back(std::move(value));
  return map.kids.back();
}

bool edit_is_exact(const YNode& before, const std::string& after, const std::function<void(YNode&)>& change) {
  auto reread = open_document(after);
  const Document* d = std::get_if<Document>(&reread);
  if (!d) return false;
  YNode expected = before;
  change(expected);
  return canon(expected) == canon(d->root);
}

Result verified(const YNode& before, Result r, const std::function<void(YNode&)>& change, const std::string& line) {
  const Edited* e = std::get_if<Edited>(&r);
  if (!e || !e->changed || edit_is_exact(before, e->bytes, change)) return r;
  return Refused{privacy::redact(fmt::format(
      fmt::runtime(i18n::tr("cti cannot place the new line safely in this file's layout (a value spread over "
                            "several lines?); add it by hand: {}",
                            "cti kan ikke placere den nye linje sikkert i denne fils opsætning (en værdi fordelt "
                            "over flere linjer?); tilføj den i hånden: {}")),
      line))};
}

}  // namespace cti::edit
