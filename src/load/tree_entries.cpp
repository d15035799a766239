#include "load/tree_entries.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>

#include "base/lang.hpp"
#include "io/input_file.hpp"
#include "load/repo.hpp"

namespace cti {

using i18n::tr;

bool is_misnamed_case(const std::string& rel) {
  const std::string prefix = std::string(kCaseDir) + "/";
  if (rel.rfind(prefix, 0) != 0 || is_hidden_case_entry(rel)) return false;
  std::string name = rel.substr(rel.rfind('/') + 1);
  if (name.empty() || name[0] == '.') return false;
  auto dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (ext == "yml" || ext == "yaml") && name.compare(dot + 1, std::string::npos, "yaml") != 0;
}

void report_misnamed(const std::string& rel, Diagnostics& out) {
  std::string stem = rel.substr(rel.rfind('/') + 1);
  stem.resize(stem.rfind('.'));
  out.push_back(
      make_diag(rel, {1, 1}, Severity::error, "file-name",
                fmt::format(fmt::runtime(tr("this file is not read: case files are named ID.yaml (rename it to "
                                            "{}.yaml)",
                                            "filen læses ikke: forløbsfiler hedder ID.yaml (omdøb den til "
                                            "{}.yaml)")),
                            stem)));
}

std::string walk_rule(int error) {
  return error == ENAMETOOLONG ? "path-too-long" : "unreadable";
}

void report_unwalkable(const std::string& rel, int error, Diagnostics& out) {
  out.push_back(make_diag(rel, {1, 1}, Severity::error, walk_rule(error),
                          fmt::format(fmt::runtime(tr("cannot read this entry: {}; a forløb may be missing",
                                                      "kan ikke læse denne post: {}; et forløb kan mangle")),
                                      io::errno_reason(error))));
}

void report_stray(const std::string& rel, Stray kind, Diagnostics& out) {
  switch (kind) {
    case Stray::broken_link:
      out.push_back(make_diag(rel, {1, 1}, Severity::error, "broken-link",
                              std::string(tr("a symbolic link whose target does not exist; a forløb may be missing "
                                             "(restore the target or remove the link)",
                                             "et symbolsk link hvis mål ikke findes; et forløb kan mangle (genskab "
                                             "målet eller fjern linket)"))));
      return;
    case Stray::dir_link:
      out.push_back(make_diag(rel, {1, 1}, Severity::error, "folder-link",
                              std::string(tr("a symbolic link to a folder is not followed; move the files into "
                                             "forloeb/ instead",
                                             "et symbolsk link til en mappe følges ikke; flyt filerne ind i "
                                             "forloeb/ i stedet"))));
      return;
    case Stray::special:
    case Stray::file:
      out.push_back(make_diag(rel, {1, 1}, Severity::warning, "stray-file",
                              std::string(tr("not a forløb file (forløb files are named ID.yaml); move it out of "
                                             "forloeb/ or rename it",
                                             "ikke en forløbsfil (forløbsfiler hedder ID.yaml); flyt den ud af "
                                             "forloeb/ eller omdøb den"))));
      return;
  }
}

}  // namespace cti
