// What a view could not count: the one decision (uncounted) and the one wording of it
// (uncounted_sentences, write_uncounted_json) that every view uses.
#include "report/uncounted.hpp"

#include <fmt/format.h>

#include <map>

#include "base/lang.hpp"
#include "load/repo.hpp"

namespace cti::report {

using i18n::count_text;
using i18n::tr;

Uncounted uncounted(const std::vector<Forloeb>& forloeb, const Diagnostics& repo_diagnostics, std::string_view worker) {
  Uncounted u;
  for (const auto& f : forloeb) {
    if (!f.in_view_of(worker)) continue;
    if (f.has_errors()) ++u.forloeb_with_errors;
    if (!f.dates_readable()) u.unreadable.push_back(f.file);
  }
  // The first error of each file with one, files in path order.
  const std::string prefix = std::string(kCaseDir) + "/";
  std::map<std::string, const Diagnostic*> first;
  for (const auto& d : repo_diagnostics) {
    if (d.severity != Severity::error) continue;
    auto [it, fresh] = first.emplace(d.file, &d);
    if (!fresh && d.pos.line < it->second->pos.line) it->second = &d;
  }
  for (const auto& [file, d] : first) {
    if (file.rfind(prefix, 0) == 0 || file == kCaseDir)
      u.not_read.push_back({file, d->rule});
    else
      u.others.push_back(file);
  }
  return u;
}

Uncounted uncounted(const CheckedRepo& repo, std::string_view worker) {
  return uncounted(repo.forloeb, repo.repo_diagnostics, worker);
}

std::vector<std::string> uncounted_sentences(const Uncounted& u, Shown shown) {
  std::vector<std::string> out;
  if (u.forloeb_with_errors > 0)
    out.push_back(shown == Shown::rows
                      ? count_text(u.forloeb_with_errors,
                                   "{} forløb file with errors, marked on the board; cti validate lists it",
                                   "{} forløb files with errors, marked on the board; cti validate lists them",
                                   "{} forløbsfil med fejl, markeret på tavlen; cti validate viser den",
                                   "{} forløbsfiler med fejl, markeret på tavlen; cti validate viser dem")
                      : count_text(u.forloeb_with_errors, "{} forløb file with errors; cti validate lists it",
                                   "{} forløb files with errors; cti validate lists them",
                                   "{} forløbsfil med fejl; cti validate viser den",
                                   "{} forløbsfiler med fejl; cti validate viser dem"));
  if (shown == Shown::figures)
    for (const auto& file : u.unreadable)
      out.push_back(fmt::format(fmt::runtime(tr("{}: the dates cannot be read, so it is not in the figures; run cti "
                                                "validate {}",
                                                "{}: datoerne kan ikke læses, så forløbet er ikke med i tallene; kør "
                                                "cti validate {}")),
                                file, file));
  for (const auto& n : u.not_read)
    out.push_back(fmt::format(fmt::runtime(tr("{} has errors [{}] and is not read, so no forløb in it is counted; run "
                                              "cti validate {}",
                                              "{} har fejl [{}] og læses ikke, så intet forløb i den er talt med; kør "
                                              "cti validate {}")),
                              n.file, n.rule, n.file));
  for (const auto& file : u.others)
    out.push_back(fmt::format(
        fmt::runtime(tr("{} has errors; run cti validate {}", "{} har fejl; kør cti validate {}")), file, file));
  return out;
}

void write_uncounted_json(JsonWriter& j, const Uncounted& u) {
  j.key("invalid").value(u.invalid());
  j.key("unreadable").begin_array();
  for (const auto& file : u.unreadable) j.value(file);
  j.end_array();
  j.key("not_read").begin_array();
  for (const auto& n : u.not_read) j.begin_object().key("file").value(n.file).key("rule").value(n.rule).end_object();
  j.end_array();
}

}  // namespace cti::report
