// An add/add conflict on forloeb/K-MH-007.yaml means two clones made the same id without
// seeing each other's work (one worker on two machines; worker codes keep other clones
// apart). The id that was pushed names its borger for good (the key file maps it to a CPR
// number), so only the unpushed forløb may move: the message names the one command that
// moves it, `cti renumber OLD NEXT`, or what to do first when that cannot be done here.
#include "load/same_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

#include "base/git_history.hpp"
#include "base/ids.hpp"
#include "base/lang.hpp"

namespace fs = std::filesystem;

namespace cti {

using i18n::tr;

namespace {

constexpr std::string_view kDir = "forloeb/";

std::string stem_of(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  return name.substr(0, name.find('.'));
}

bool is_case(const std::string& path) {
  return path.rfind(kDir, 0) == 0 && path.size() > kDir.size() + 5 && path.substr(path.size() - 5) == ".yaml";
}

struct Clash {
  std::string sha2, sha3;  // index stages 2 (ours; in a rebase: upstream) and 3
};

// Every name under forloeb/ in the work tree and the index: the next id must be free of all.
std::vector<std::string> names_in_use(const fs::path& root, const git::IndexListing& listing) {
  std::vector<std::string> out;
  for (const auto& e : listing) out.push_back(stem_of(e.path));
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root / "forloeb", fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    out.push_back(stem_of(it->path().filename().string()));
  return out;
}

std::string advice(const fs::path& root, const std::string& path, const Clash& c, const std::string& old_id,
                   const std::string& next) {
  const auto pushed = git::pushed_blobs(root, path).value_or(std::set<std::string>{});
  const bool ours_pushed = pushed.count(c.sha2) > 0, theirs_pushed = pushed.count(c.sha3) > 0;
  if (ours_pushed && theirs_pushed)
    return fmt::format(fmt::runtime(tr("both forløb {0} are on the server already; agree which borger keeps {0}, "
                                       "and move the other by hand (git mv, change its id, and its line in the "
                                       "key file)",
                                       "begge forløb {0} er allerede på serveren; aftal hvilken borger der beholder "
                                       "{0}, og flyt den anden i hånden (git mv, ret dens id og dens linje i "
                                       "nøglefilen)")),
                       old_id);
  const auto rebase = git::rebase_in_progress(root);
  // In a rebase stage 3 is this clone's commit; later commits of the rebase that record
  // on the file would be replayed onto the pushed borger's file: merge instead.
  if (rebase && !theirs_pushed && git::rebase_changes_later(root, *rebase, path))
    return fmt::format(fmt::runtime(tr("later commits of this rebase record on {0}, and would land on the other "
                                       "borger's file; go back and merge instead: git rebase --abort; git merge "
                                       "@{{u}}; cti renumber {0} {1}",
                                       "senere commits i dette rebase registrerer på {0} og ville lande i den anden "
                                       "borgers fil; gå tilbage og flet i stedet: git rebase --abort; git merge "
                                       "@{{u}}; cti renumber {0} {1}")),
                       old_id, next);
  return fmt::format(fmt::runtime(tr("give the one not yet pushed the next free id: cti renumber {0} {1}",
                                     "giv det, der ikke er skubbet endnu, det næste ledige id: cti renumber {0} {1}")),
                     old_id, next);
}

}  // namespace

void explain_same_id(const fs::path& root, const std::optional<git::IndexListing>& index, Diagnostics& out) {
  const bool markers = std::any_of(out.begin(), out.end(), [](const Diagnostic& d) {
    return d.rule == "merge-conflict" && d.file.rfind(kDir, 0) == 0;
  });
  const bool unmerged = index && std::any_of(index->begin(), index->end(), [](const git::IndexEntry& e) {
                          return e.stage != 0 && e.path.rfind(kDir, 0) == 0;
                        });
  if (!markers && !unmerged) return;
  const auto listing = index ? index : git::list_index(root);
  if (!listing) return;
  std::map<std::string, int> stages;  // path -> bit set of stages 1..3
  std::map<std::string, Clash> shas;
  for (const auto& e : *listing) {
    if (!is_case(e.path)) continue;
    stages[e.path] |= 1 << e.stage;
    if (e.stage == 2) shas[e.path].sha2 = e.sha;
    if (e.stage == 3) shas[e.path].sha3 = e.sha;
  }
  std::vector<std::string> names = names_in_use(root, *listing);
  for (const auto& [staged_path, bits] : stages) {
    const std::string& path = staged_path;  // a plain name: lambdas below capture it (clang 14)
    if (bits == 1) continue;                // merged
    if ((bits & 0b1100) != 0b1100 || (bits & 0b10)) {
      // Not add/add: a conflict git's index still holds, even where the file shows no
      // markers (a merge driver that left one side in place).
      const bool marked = std::any_of(
          out.begin(), out.end(), [&](const Diagnostic& d) { return d.rule == "merge-conflict" && d.file == path; });
      if (!marked)
        out.push_back(make_diag(
            path, {1, 1}, Severity::error, "merge-conflict",
            std::string(tr("the merge of this file is not finished (git status says how); settle it and git "
                           "add it",
                           "fletningen af denne fil er ikke afsluttet (git status siger hvordan); afgør den og "
                           "git add den"))));
      continue;
    }
    const std::string stem = stem_of(path);
    auto id = split_id(stem);
    const std::string next = id ? next_free_id(names, id->first, 3) : stem + "-2";
    names.push_back(next);  // a second clash gets the id after it
    out.push_back(make_diag(path, {1, 1}, Severity::error, "merge-conflict",
                            fmt::format(fmt::runtime(tr("two forløb got the same id {0} (both branches added {1}); {2}",
                                                        "to forløb har fået samme id {0} (begge grene tilføjede {1}); "
                                                        "{2}")),
                                        stem, path, advice(root, path, shas[path], stem, next))));
  }
}

}  // namespace cti
