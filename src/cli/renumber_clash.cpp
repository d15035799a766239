// cti renumber OLD [NEW] in an add/add conflict on forloeb/OLD.yaml: both sides of a merge,
// rebase or cherry-pick made the same id. The side whose content is on a remote-tracking
// ref was pushed and keeps OLD; the other (this clone's, when neither was pushed: ours in
// a merge, the commit being replayed in a rebase) becomes NEW, its key-file line with it.
// Both files are staged, ready for `git commit` or `git rebase --continue`.
#include <fmt/format.h>

#include "base/git_history.hpp"
#include "base/ids.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "cli/record.hpp"
#include "cli/renumber.hpp"
#include "edit/edit.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

int renumber_clash(const CheckedRepo& repo, const GlobalOptions& g, const RenumberOptions& o) {
  if (!repo.index) return -1;
  // The conflicted path whose file name is OLD.
  std::string path, sha2, sha3;
  bool base = false;
  for (const auto& e : *repo.index) {
    if (e.stage == 0 || fs::path(e.path).stem().string() != o.old_id || e.path.rfind("forloeb/", 0) != 0) continue;
    path = e.path;
    if (e.stage == 1) base = true;
    if (e.stage == 2) sha2 = e.sha;
    if (e.stage == 3) sha3 = e.sha;
  }
  if (path.empty() || sha2.empty() || sha3.empty() || base) return -1;

  auto pushed = git::pushed_blobs(repo.root, path);
  if (!pushed)
    return setup_error(std::string(tr("git cannot say which forløb was pushed; nothing was changed",
                                      "git kan ikke sige hvilket forløb der er skubbet; intet er ændret")));
  const bool pushed2 = pushed->count(sha2) > 0, pushed3 = pushed->count(sha3) > 0;
  if (pushed2 && pushed3)
    return setup_error(fmt::format(
        fmt::runtime(tr("both forløb {0} are on the server already; cti renumber moves only one not pushed; agree "
                        "which borger keeps {0} and move the other by hand",
                        "begge forløb {0} er allerede på serveren; cti renumber flytter kun et, der ikke er skubbet; "
                        "aftal hvilken borger der beholder {0}, og flyt den anden i hånden")),
        o.old_id));
  const auto rebase = git::rebase_in_progress(repo.root);
  const int move = pushed2 ? 3 : pushed3 ? 2 : rebase ? 3 : 2;
  if (rebase && move == 3 && git::rebase_changes_later(repo.root, *rebase, path))
    return setup_error(fmt::format(
        fmt::runtime(tr("later commits of this rebase record on {0} and would land on the other borger's file; go "
                        "back and merge instead: git rebase --abort; git merge @{{u}}; cti renumber {0}",
                        "senere commits i dette rebase registrerer på {0} og ville lande i den anden borgers fil; gå "
                        "tilbage og flet i stedet: git rebase --abort; git merge @{{u}}; cti renumber {0}")),
        o.old_id));

  const std::string new_id =
      o.new_id.empty()
          ? next_free_id(names_in_use(repo), split_id(o.old_id) ? split_id(o.old_id)->first : o.old_id + "-", 3)
          : o.new_id;
  if (auto why = bad_new_id(repo, new_id)) return setup_error(*why);
  auto blobs = git::read_blobs(repo.root, {sha2, sha3});
  if (!blobs || blobs->size() != 2)
    return setup_error(std::string(tr("git cannot read the two versions; nothing was changed",
                                      "git kan ikke læse de to versioner; intet er ændret")));
  const std::string& kept = (*blobs)[move == 2 ? 1 : 0];
  auto edited = edit::set_id((*blobs)[move == 2 ? 0 : 1], new_id);
  if (auto* r = std::get_if<edit::Refused>(&edited)) return setup_error(r->message);
  const fs::path key_file = cpr_file_path(g, repo.root);
  bool moved = false;
  if (auto err = move_key_line(key_file, o.old_id, new_id, true, moved)) return setup_error(*err);

  const std::string new_path = (fs::path(path).parent_path() / (new_id + ".yaml")).generic_string();
  if (auto err = write_new_file(repo.root / new_path, std::get<edit::Edited>(edited).bytes))
    return setup_error(*err + std::string(tr("; nothing was changed", "; intet er ændret")));
  if (auto err = replace_file(repo.root / path, kept)) {
    std::error_code ec;
    fs::remove(repo.root / new_path, ec);
    return setup_error(*err + std::string(tr("; nothing was changed", "; intet er ændret")));
  }
  auto add = run_process({"git", "add", "--", path, new_path}, repo.root);
  if (add.exit_code != 0)
    print_note(std::string(tr("git could not stage the two files; run: git add forloeb/",
                              "git kunne ikke lægge de to filer i indekset; kør: git add forloeb/")));
  if (auto err = move_key_line(key_file, o.old_id, new_id, false, moved)) print_note(*err);

  const bool mine = !(pushed2 || pushed3);
  std::string line = fmt::format(
      fmt::runtime(mine ? tr("{0}: the forløb made in this clone is now {1} ({2}); the other keeps {0}",
                             "{0}: forløbet oprettet i denne klon er nu {1} ({2}); det andet beholder {0}")
                        : tr("{0}: the forløb not yet pushed is now {1} ({2}); the pushed one keeps {0}",
                             "{0}: forløbet, der ikke er skubbet, er nu {1} ({2}); det skubbede beholder {0}")),
      o.old_id, new_id, display_path(repo.root, new_path));
  if (moved) line += tr("; its key-file line moved with it", "; dens linje i nøglefilen er flyttet med");
  line += rebase ? tr("\nnext: git rebase --continue", "\nnæste: git rebase --continue")
                 : tr("\nnext: git commit", "\nnæste: git commit");
  return print_output(line + "\n") ? kOk : kUsage;
}

}  // namespace cti::cli
