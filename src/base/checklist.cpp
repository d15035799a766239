#include "base/checklist.hpp"

#include <algorithm>

#include "base/forloeb.hpp"
#include "base/project.hpp"

namespace cti {

std::string_view stage_name(Stage s) {
  switch (s) {
    case Stage::kontakt:
      return "kontakt";
    case Stage::fase2:
      return "fase2";
    case Stage::fase3:
      return "fase3";
    case Stage::afslutning:
      return "afslutning";
  }
  return "";
}

std::optional<Stage> parse_stage(std::string_view s) {
  for (Stage st : {Stage::kontakt, Stage::fase2, Stage::fase3, Stage::afslutning})
    if (stage_name(st) == s) return st;
  return std::nullopt;
}

std::string_view doc_point_name(DocPoint p) {
  switch (p) {
    case DocPoint::opstart:
      return "opstart";
    case DocPoint::fase2:
      return "fase2";
    case DocPoint::fase3:
      return "fase3";
    case DocPoint::afslutning:
      return "afslutning";
  }
  return "";
}

std::optional<DocPoint> parse_doc_point(std::string_view s) {
  for (DocPoint p : kAllDocPoints)
    if (doc_point_name(p) == s) return p;
  return std::nullopt;
}

const std::vector<ChecklistItem>& builtin_checklist() {
  static const std::vector<ChecklistItem> items = {
      {"kontakt-etableret", "Kontakt skabt og et eller flere indledende møder holdt", Stage::kontakt},
      {"orienteret", "Borgeren er orienteret om CTI-forløbet", Stage::kontakt},
      {"kontaktaftale", "Aftale om hvordan kontakten skal foregå", Stage::kontakt},
      {"økonomi", "Økonomi omkring bolig og leveomkostninger er på plads", Stage::fase2},
      {"afdækning",
       "Støttebehov og -muligheder er afdækket (bolig, psykisk og fysisk helbred, økonomi, netværk, "
       "daglige aktiviteter, uddannelse og arbejde)",
       Stage::fase2},
      {"langsigtet-plan", "Langsigtet plan med 2-3 mål udarbejdet sammen med borgeren", Stage::fase2},
      {"netværk-påbegyndt", "Arbejdet med at styrke støttenetværket er påbegyndt", Stage::fase2},
      {"koordinering", "Koordinering med relevante tilbud og kommunale indsatser sikret", Stage::fase2},
      {"møder-aftaler", "Møder med tilbud og indsatser holdt, nødvendige aftaler på plads", Stage::fase2},
      {"lokale-tilbud", "Introduceret til lokale tilbud og foreninger; aktiviteter igangsat", Stage::fase2},
      {"jobcenter", "Kontakt til jobcenter for koordineret plan (hvis relevant)", Stage::fase2},
      {"evaluering", "Aktiviteter og indsatser evalueret sammen med borgeren", Stage::fase3},
      {"planændringer", "Eventuelle ændringer af CTI-planen foretaget sammen med borgeren", Stage::fase3},
      {"netværk-etableret", "Støttenetværk der kan tage over er etableret", Stage::afslutning},
      {"overdragelsesmøder", "Overdragelsesmøder holdt med borgeren og netværket", Stage::afslutning},
      {"overdragelsesplan", "Overdragelsesplan udarbejdet med borgeren og netværket", Stage::afslutning},
      {"ansvar-forankret", "Ansvaret for den langsigtede støtte er forankret hos én person", Stage::afslutning},
  };
  return items;
}

bool valid_worker_code(std::string_view code) {
  return !code.empty() && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Worker::id_code() const {
  if (!code.empty()) return code;
  std::string out;
  for (std::size_t i = 0; i < id.size() && out.size() < 4; ++i) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (c >= 'a' && c <= 'z')
      out += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c);
    else if (c == 0xC3 && i + 1 < id.size()) {  // æ ø å, Æ Ø Å in UTF-8
      const unsigned char d = static_cast<unsigned char>(id[i + 1]);
      const char* t = (d == 0xA6 || d == 0x86)   ? "AE"
                      : (d == 0xB8 || d == 0x98) ? "OE"
                      : (d == 0xA5 || d == 0x85) ? "AA"
                                                 : "";
      for (const char* q = t; *q && out.size() < 4; ++q) out += *q;
      ++i;
    }
  }
  return out;
}

const Worker* Project::worker(const std::string& id) const {
  for (const auto& w : workers)
    if (w.id == id) return &w;
  return nullptr;
}

bool Project::has_subgroup(const std::string& g) const {
  return std::any_of(subgroups.begin(), subgroups.end(), [&](const auto& s) { return s.value == g; });
}

std::vector<ChecklistItem> Project::checklist() const {
  std::vector<ChecklistItem> out;
  for (const auto& item : builtin_checklist()) {
    bool removed = std::any_of(checklist_remove.begin(), checklist_remove.end(),
                               [&](const auto& r) { return r.value == item.id; });
    if (!removed) out.push_back(item);
  }
  for (const auto& add : checklist_add) out.push_back(add.item);
  return out;
}

namespace {
template <std::size_t N>
std::vector<std::string> with_extra(const std::string_view (&builtin)[N],
                                    const std::vector<Field<std::string>>& extra) {
  std::vector<std::string> out(std::begin(builtin), std::end(builtin));
  for (const auto& e : extra)
    if (std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
  return out;
}
}  // namespace

std::vector<std::string> Project::all_areas() const {
  return with_extra(kAreas, areas);
}

std::vector<std::string> Project::all_roles() const {
  return with_extra(kRoles, roles);
}

}  // namespace cti
