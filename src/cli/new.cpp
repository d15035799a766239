// cti new [--worker ID] [--subgroup G] [--contact DATE]: the next forløb file.
#include <fmt/format.h>

#include "base/git.hpp"
#include "base/ids.hpp"
#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "cli/commands.hpp"
#include "cli/record.hpp"
#include "cli/schemas.hpp"
#include "cli/templates.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::count_text;
using i18n::tr;

// Every name (without extension) under forloeb/, whatever its extension or state, and
// every path the index holds there: an id is free only when no file could claim it.
std::vector<std::string> names_in_use(const CheckedRepo& repo) {
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path dir = repo.root / kCaseDir;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    out.push_back(name.substr(0, name.find('.')));
  }
  if (repo.index)
    for (const auto& e : *repo.index) {
      std::string name = fs::path(e.path).filename().string();
      out.push_back(name.substr(0, name.find('.')));
    }
  for (const auto& f : repo.forloeb)
    if (f.id) out.push_back(*f.id);
  return out;
}

namespace {

struct NewOptions {
  std::string worker;
  std::string subgroup;
  std::string contact;
  bool commit = false;
  bool force = false;
  const CLI::Option* contact_option = nullptr;
};

// The next free id of a worker: prefix + kode + "-" + (highest number in use + 1), at
// least 3 digits (K-MH-001). Ids of one kode are made only by that worker, so two clones
// never make the same one unless one worker works on two machines (cti renumber).
std::string next_id(const CheckedRepo& repo, const std::string& code) {
  return next_free_id(names_in_use(repo), repo.project.id_prefix + code + "-", 3);
}

// The chosen value, the only one available, or an error naming the choices.
std::optional<std::string> choose(const std::string& given, const std::vector<std::string>& choices,
                                  std::string_view option, std::string_view what) {
  if (!given.empty()) {
    if (std::find(choices.begin(), choices.end(), given) != choices.end()) return given;
    std::string msg =
        fmt::format(fmt::runtime(tr("{} '{}' is not in cti.yaml", "{} '{}' findes ikke i cti.yaml")), what, given);
    msg += did_you_mean(given, choices);
    setup_error(msg);
    return std::nullopt;
  }
  if (choices.size() == 1) return choices.front();
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  setup_error(fmt::format(fmt::runtime(tr("choose {} with {} ({})", "vælg {} med {} ({})")), what, option,
                          list.empty() ? std::string(tr("none in cti.yaml", "ingen i cti.yaml")) : list));
  return std::nullopt;
}

int run_new(const NewOptions& o, const GlobalOptions& g) {
  auto today = resolve_today(g);
  if (!today) return kUsage;
  // Held until the file is written (and committed): two `cti new` never pick one id.
  auto lock = lock_repository(g);
  if (!lock) return kUsage;
  auto repo = open_checked(g, *today);
  if (!repo) return kUsage;
  std::vector<std::string> warnings;
  auto contact_date = recording_date(o.contact_option->count() > 0, o.contact, "--contact", *today, o.force, warnings);
  if (!contact_date) return kUsage;
  const Date contact = *contact_date;
  std::vector<std::string> workers, groups;
  for (const auto& w : repo->project.workers) workers.push_back(w.id);
  for (const auto& s : repo->project.subgroups) groups.push_back(s.value);
  auto worker = choose(o.worker, workers, "--worker", "medarbejder");
  if (!worker) return kUsage;
  auto group = choose(o.subgroup, groups, "--subgroup", "delmålgruppe");
  if (!group) return kUsage;

  const Worker* w = repo->project.worker(*worker);
  const std::string code = w ? w->id_code() : std::string();
  if (code.empty())
    return setup_error(fmt::format(
        fmt::runtime(tr("medarbejder '{}' has no letters to make ids from; give it a 'kode: ' in cti.yaml (1-4 "
                        "capital letters)",
                        "medarbejder '{}' har ingen bogstaver at lave id'er af; giv den en 'kode: ' i cti.yaml (1-4 "
                        "store bogstaver)")),
        *worker));
  std::string id = next_id(*repo, code);
  // Never a CPR number in a file name, an id or git history (an id_præfiks of digits, or
  // a number grown to ten digits): refused, the id not shown.
  if (id_could_hold_cpr(id))
    return setup_error(std::string(
        tr("the next id would hold something shaped like a CPR number (not shown); nothing was created: give "
           "id_præfiks letters (K-) and keep case numbers short [cpr-shaped-id]",
           "det næste id ville indeholde noget der ligner et CPR-nummer (vises ikke); intet er oprettet: giv "
           "id_præfiks bogstaver (K-) og hold forløbsnumrene korte [cpr-shaped-id]")));
  // Another worker may already have taken this id on a branch fetched but not merged.
  if (auto behind = git::commits_behind_upstream(repo->root); behind && *behind > 0)
    print_note(fmt::format(fmt::runtime(tr("warning: this branch is {} behind its upstream (as of the last "
                                           "fetch); run 'git pull' first, or {} may be taken already",
                                           "advarsel: denne gren er {} bagud i forhold til sin upstream "
                                           "(ved seneste fetch); kør 'git pull' først, ellers kan {} være taget")),
                           count_text(*behind, "{} commit", "{} commits", "{} commit", "{} commits"), id));
  // Only ever a file directly in forloeb/: an id_præfiks that names a directory is refused
  // ([invalid-value] in cti.yaml says why).
  fs::path path = repo->root / kCaseDir / (id + ".yaml");
  if (id.find_first_of("/\\") != std::string::npos || id.empty() || id[0] == '.' ||
      path.parent_path() != repo->root / kCaseDir)
    return setup_error(
        std::string(tr("id_præfiks in cti.yaml would put the new file outside forloeb/; fix it first "
                       "(cti validate)",
                       "id_præfiks i cti.yaml ville lægge den nye fil uden for forloeb/; ret den først "
                       "(cti validate)")));
  const std::string file = std::string(kCaseDir) + "/" + id + ".yaml";
  if (o.commit)
    if (auto err = commit_precheck(*repo, file))
      return setup_error(*err + std::string(tr("; nothing was created", "; intet er oprettet")));
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (auto err = write_new_file(path, forloeb_template(id, *worker, *group, contact, schema_dir_from(kCaseDir))))
    return setup_error(fmt::format(fmt::runtime(tr("cannot create {} ({}); nothing was overwritten",
                                                   "kan ikke oprette {} ({}); intet er overskrevet")),
                                   display_path(repo->root, std::string(kCaseDir) + "/" + id + ".yaml"), *err));
  // A repository made before cti carried its schemas gets them now (never overwritten here:
  // `cti schemas` refreshes); the file is written either way.
  if (auto w = write_schemas(repo->root, false); w.error) print_note(*w.error);
  // Relative to where cti was started, so "$EDITOR $(cti new)" opens it.
  if (o.commit)
    if (auto err = commit_file(*repo, file, fmt::format("{}: {}", id, tr("new forløb", "nyt forløb"))))
      return setup_error(fmt::format(
          fmt::runtime(tr("{} was created, but not committed: {}", "{} er oprettet, men ikke committet: {}")),
          display_path(repo->root, file), *err));
  for (const auto& w : warnings) print_note(std::string(tr("warning: ", "advarsel: ")) + w);
  write_stdout(display_path(repo->root, file) + "\n");
  return kOk;
}

}  // namespace

Runner setup_new(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<NewOptions>();
  add_worker_option(app, o->worker);
  app.add_option("--subgroup,--delmaalgruppe", o->subgroup);
  o->contact_option = app.add_option("--contact,--kontakt", o->contact)->option_text("DATE");
  app.add_flag("--force", o->force);
  app.add_flag("--commit", o->commit);
  return [o, &g] { return run_new(*o, g); };
}

}  // namespace cti::cli
