// An add/add conflict on forloeb/K-0007.yaml almost always means two workers ran `cti new`
// on branches that had not seen each other: both got K-0007. The fix is to keep ours and
// give theirs the next free id; the message spells out the git commands for that.
#include "load/same_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

#include "base/lang.hpp"

namespace cti {

using i18n::tr;

namespace {

constexpr std::string_view kDir = "forloeb/";

// "K-0007" -> {"K-", "0007"}; nothing when the stem does not end in digits.
std::optional<std::pair<std::string, std::string>> split_id(const std::string& stem) {
  std::size_t i = stem.size();
  while (i > 0 && stem[i - 1] >= '0' && stem[i - 1] <= '9') --i;
  if (i == stem.size() || stem.size() - i > 15) return std::nullopt;
  return std::pair{stem.substr(0, i), stem.substr(i)};
}

std::string stem_of(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  return name.substr(0, name.size() - 5);  // ".yaml"
}

bool is_case(const std::string& path) {
  return path.rfind(kDir, 0) == 0 && path.size() > kDir.size() + 5 && path.substr(path.size() - 5) == ".yaml";
}

}  // namespace

void explain_same_id(const std::filesystem::path& root, const std::optional<git::IndexListing>& index,
                     Diagnostics& out) {
  const bool conflict = std::any_of(out.begin(), out.end(), [](const Diagnostic& d) {
    return d.rule == "merge-conflict" && d.file.rfind(kDir, 0) == 0;
  });
  if (!conflict) return;
  const auto listing = index ? index : git::list_index(root);
  if (!listing) return;
  std::map<std::string, int> stages;  // path -> bit set of stages 1..3
  long long highest = 0;
  std::map<std::string, std::size_t> width;  // prefix -> widest number
  for (const auto& e : *listing) {
    if (!is_case(e.path)) continue;
    stages[e.path] |= 1 << e.stage;
    if (auto id = split_id(stem_of(e.path))) {
      highest = std::max(highest, std::stoll(id->second));
      width[id->first] = std::max(width[id->first], id->second.size());
    }
  }
  for (const auto& [path, bits] : stages) {
    if ((bits & 0b1100) != 0b1100 || (bits & 0b10)) continue;  // not add/add
    const std::string stem = stem_of(path);
    auto id = split_id(stem);
    std::string next =
        id ? fmt::format("{}{:0{}}", id->first, ++highest, std::max<std::size_t>(width[id->first], 4)) : stem + "-2";
    const std::string dir = path.substr(0, path.rfind('/') + 1);
    const std::string theirs = dir + next + ".yaml";
    out.push_back(make_diag(
        path, {1, 1}, Severity::error, "merge-conflict",
        fmt::format(fmt::runtime(tr("two forløb got the same id {0} (both branches added {1}); keep ours and give "
                                    "theirs the next free id: git show :3:{1} > {2}; change 'id: {0}' to "
                                    "'id: {3}' in {2}; git checkout --ours {1}; git add {1} {2}",
                                    "to forløb har fået samme id {0} (begge grene tilføjede {1}); behold vores og "
                                    "giv deres det næste ledige id: git show :3:{1} > {2}; ret 'id: {0}' til "
                                    "'id: {3}' i {2}; git checkout --ours {1}; git add {1} {2}")),
                    stem, path, theirs, next)));
  }
}

}  // namespace cti
