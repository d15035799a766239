// cti renumber OLD [NEW]: gives an unpushed forløb another id. In an add/add conflict (two
// clones made the same id) it moves the side that is not on the server (renumber_clash.cpp);
// otherwise it renames the file, changes its `id:` line byte-exactly and moves the key-file
// line, and refuses a forløb whose file has ever been pushed.
#include "cli/renumber.hpp"

#include <fmt/format.h>

#include <sstream>

#include "base/git_history.hpp"
#include "base/ids.hpp"
#include "base/lang.hpp"
#include "base/process.hpp"
#include "base/unicode.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"
#include "edit/edit.hpp"
#include "edit/recheck.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

namespace {

// The key of a key-file line ("K-0001: ...", "'K-0001': ..."), else "".
std::string line_key(std::string_view line) {
  std::size_t b = line.find_first_not_of(' ');
  if (b == std::string_view::npos || line[b] == '#') return {};
  char q = line[b] == '"' || line[b] == '\'' ? line[b] : 0;
  std::size_t s = q ? b + 1 : b;
  std::size_t e = q ? line.find(q, s) : line.find(':', s);
  if (e == std::string_view::npos) return {};
  std::string key(line.substr(s, e - s));
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

int renumber_file(const CheckedRepo& repo, const GlobalOptions& g, const RenumberOptions& o) {
  auto found = repo.find(o.old_id);
  if (found.size() != 1)
    return setup_error(found.empty() ? no_such_forloeb(repo, o.old_id)
                                     : fmt::format(fmt::runtime(tr("more than one file has id {}; run 'cti validate'",
                                                                   "mere end én fil har id {}; kør 'cti validate'")),
                                                   o.old_id));
  const Forloeb& f = *found.front();
  const std::string old_id = f.display_id();
  const std::string file = f.file;
  if (fs::path(file).stem().string() != old_id)
    return setup_error(fmt::format(
        fmt::runtime(tr("{} is in {}, not in a file named after its id; fix that first (cti validate)",
                        "{} ligger i {}, ikke i en fil med dens id som navn; ret det først (cti validate)")),
        old_id, display_path(repo.root, file)));
  if (repo.index) {
    auto pushed = git::pushed_blobs(repo.root, file);
    if (!pushed)
      return setup_error(std::string(tr("git cannot say whether the forløb was pushed; nothing was changed",
                                        "git kan ikke sige om forløbet er skubbet; intet er ændret")));
    if (!pushed->empty())
      return setup_error(fmt::format(
          fmt::runtime(tr("{} is on the server already: an id once pushed keeps naming its borger (the key file "
                          "maps it to a CPR number); nothing was changed",
                          "{} er allerede på serveren: et id, der er skubbet, bliver ved med at betegne sin borger "
                          "(nøglefilen knytter det til et CPR-nummer); intet er ændret")),
          old_id));
  }
  const std::string new_id =
      o.new_id.empty() ? next_free_id(names_in_use(repo), split_id(old_id) ? split_id(old_id)->first : old_id + "-", 3)
                       : o.new_id;
  if (auto why = bad_new_id(repo, new_id)) return setup_error(*why);
  auto bytes = read_text_file(repo.root / file);
  if (!bytes) return setup_error(std::string(tr("the file cannot be read", "filen kan ikke læses")));
  auto edited = edit::set_id(*bytes, new_id);
  if (auto* r = std::get_if<edit::Refused>(&edited)) return setup_error(r->message);
  const fs::path key_file = cpr_file_path(g, repo.root);
  bool moved = false;
  if (auto err = move_key_line(key_file, old_id, new_id, true, moved)) return setup_error(*err);

  const std::string new_file = (fs::path(file).parent_path() / (new_id + ".yaml")).generic_string();
  const bool tracked = repo.index && git::is_tracked(*repo.index, file);
  if (auto err = write_new_file(repo.root / new_file, std::get<edit::Edited>(edited).bytes))
    return setup_error(*err + std::string(tr("; nothing was changed", "; intet er ændret")));
  std::error_code ec;
  if (tracked) {
    auto r = run_process({"git", "rm", "-q", "--cached", "--", file}, repo.root);
    auto a = run_process({"git", "add", "--", new_file}, repo.root);
    if (r.exit_code != 0 || a.exit_code != 0) {
      fs::remove(repo.root / new_file, ec);
      run_process({"git", "reset", "-q", "--", file}, repo.root);
      return setup_error(std::string(tr("git could not stage the rename; nothing was changed",
                                        "git kunne ikke lægge omdøbningen i indekset; intet er ændret")));
    }
  }
  fs::remove(repo.root / file, ec);
  if (auto err = move_key_line(key_file, old_id, new_id, false, moved)) print_note(*err);
  std::string line = fmt::format(fmt::runtime(tr("{} is now {} ({})", "{} er nu {} ({})")), old_id, new_id,
                                 display_path(repo.root, new_file));
  if (moved) line += tr("; its key-file line moved with it", "; dens linje i nøglefilen er flyttet med");
  return print_output(line + "\n") ? kOk : kUsage;
}

}  // namespace

std::optional<std::string> bad_new_id(const CheckedRepo& repo, const std::string& id) {
  if (id.empty() || id[0] == '.' || id.find_first_of("/\\: \t") != std::string::npos)
    return fmt::format(fmt::runtime(tr("'{}' cannot be an id (a file name in forloeb/)",
                                       "'{}' kan ikke være et id (et filnavn i forloeb/)")),
                       id);
  for (const std::string& name : names_in_use(repo))
    if (name == id)
      return fmt::format(fmt::runtime(tr("{} is in use already; the next free one is {}",
                                         "{} er allerede i brug; det næste ledige er {}")),
                         id, next_free_id(names_in_use(repo), split_id(id) ? split_id(id)->first : id, 3));
  return std::nullopt;
}

std::optional<std::string> move_key_line(const fs::path& key_file, const std::string& old_id, const std::string& new_id,
                                         bool check_only, bool& moved) {
  std::error_code ec;
  if (!fs::is_regular_file(key_file, ec)) return std::nullopt;
  auto text = read_text_file(key_file);
  if (!text)
    return fmt::format(fmt::runtime(tr("the key file {} cannot be read; move the line for {} by hand",
                                       "nøglefilen {} kan ikke læses; flyt linjen for {} i hånden")),
                       key_file.string(), old_id);
  std::string out;
  int found = 0;
  for (std::size_t p = 0; p < text->size();) {
    std::size_t e = text->find('\n', p);
    e = e == std::string::npos ? text->size() : e + 1;
    std::string line = text->substr(p, e - p);
    const std::string key = nfc(line_key(line));
    if (key == new_id)
      return fmt::format(fmt::runtime(tr("the key file has a line for {} already; nothing was changed",
                                         "nøglefilen har allerede en linje for {}; intet er ændret")),
                         new_id);
    if (key == old_id) {
      std::size_t at = line.find(line_key(line));
      line.replace(at, line_key(line).size(), new_id);
      ++found;
    }
    out += line;
    p = e;
  }
  if (found == 0 || check_only) {
    moved = found > 0;
    return std::nullopt;
  }
  if (auto err = replace_file(key_file, out, 0600))
    return fmt::format(fmt::runtime(tr("the key file could not be written ({}); move the line for {} to {} by hand",
                                       "nøglefilen kunne ikke skrives ({}); flyt linjen for {} til {} i hånden")),
                       *err, old_id, new_id);
  moved = true;
  return std::nullopt;
}

Runner setup_renumber(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<RenumberOptions>();
  app.add_option("OLD", o->old_id)->required();
  app.add_option("NEW", o->new_id);
  return [o, &g] {
    auto today = resolve_today(g);
    if (!today) return static_cast<int>(kUsage);
    // As the recording commands: no other cti writes in the repository until the move is done.
    auto lock = lock_repository(g);
    if (!lock) return static_cast<int>(kUsage);
    auto repo = open_checked(g, *today);
    if (!repo) return static_cast<int>(kUsage);
    o->old_id = nfc(o->old_id);
    o->new_id = nfc(o->new_id);
    if (int rc = renumber_clash(*repo, g, *o); rc >= 0) return rc;
    return renumber_file(*repo, g, *o);
  };
}

}  // namespace cti::cli
