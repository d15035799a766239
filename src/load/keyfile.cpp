#include "load/keyfile.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <system_error>

#include "base/lang.hpp"
#include "base/unicode.hpp"
#include "io/input_file.hpp"
#include "load/yaml_reader.hpp"
#include "load/yaml_tree.hpp"

namespace cti::privacy {

using i18n::tr;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The fixed part of a yaml-cpp message: some messages append the offending text
// after ": " (e.g. "invalid unicode: ..."), which could be part of a CPR number.
std::string fixed_part(const std::string& msg) {
  return msg.substr(0, msg.find(':'));
}

bool cpr_shaped(std::string_view t) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9')
      ++digits;
    else if (!(t[i] == '-' && i == 6 && t.size() == 11))
      return false;
  }
  return digits == 10;
}

void add(KeyFile& k, Pos p, const char* rule, std::string message, std::string id = "") {
  k.diagnostics.push_back(make_diag(k.file, p, Severity::error, rule, std::move(message)));
  k.diagnostic_ids.push_back(std::move(id));
}

// One line of the key file, from either tree (yaml::Node or yaml-cpp's).
template <class Node>
void read_entry(KeyFile& k, const Node& key, const Node& value) {
  Pos kp = pos_of(key);
  if (!key.IsScalar() || trim(key.Scalar()).empty()) {
    add(k, kp, "cpr-format",
        std::string(
            tr("each line must be 'case id: \"DDMMYY-SSSS\"'", "hver linje skal være 'forløbs-id: \"DDMMÅÅ-SSSS\"'")));
    return;
  }
  std::string id = nfc(trim(key.Scalar()));  // as the ids of the forløb files (SPEC 2)
  if (k.by_id.count(id) || k.rejected.count(id)) {
    add(k, kp, "cpr-duplicate-id",
        fmt::format(
            fmt::runtime(tr("{} appears more than once in the key file", "{} står mere end én gang i nøglefilen")), id),
        id);
    return;
  }
  if (!value.IsScalar()) {
    k.rejected.insert(id);
    add(k, kp, "cpr-format",
        fmt::format(fmt::runtime(tr("the value for {} must be one CPR number in quotes (\"DDMMYY-SSSS\")",
                                    "værdien for {} skal være ét CPR-nummer i anførselstegn (\"DDMMÅÅ-SSSS\")")),
                    id),
        id);
    return;
  }
  std::string_view text = trim(value.Scalar());
  auto cpr = Cpr::parse(text);
  if (!cpr) {
    k.rejected.insert(id);
    add(k, kp, "cpr-invalid",
        cpr_shaped(text)
            ? fmt::format(
                  fmt::runtime(tr("the CPR number for {} is not valid: its first six digits are not a real date "
                                  "(century from the 7th digit)",
                                  "CPR-nummeret for {} er ugyldigt: de første seks cifre er ikke en rigtig dato "
                                  "(århundrede efter 7. ciffer)")),
                  id)
            : fmt::format(
                  fmt::runtime(tr("the CPR number for {} is not valid: it must be DDMMYY-SSSS or DDMMYYSSSS",
                                  "CPR-nummeret for {} er ugyldigt: det skal være DDMMÅÅ-SSSS eller DDMMÅÅSSSS")),
                  id),
        id);
    return;
  }
  k.by_id.emplace(id, KeyEntry{*cpr, kp});
}

}  // namespace

KeyFile parse_key_file(const std::string& bytes, const std::string& file) {
  KeyFile k;
  k.file = file;
  // The ordinary file straight from libyaml's events (a key file of ten thousand lines
  // costs yaml-cpp tens of milliseconds); anything unusual or broken goes to yaml-cpp,
  // whose guards and messages stay as they are.
  if (auto fast = yaml::parse_fast(bytes)) {
    if (!fast->IsDefined() || fast->IsNull()) return k;
    if (fast->IsMap()) {
      for (const auto& [key, value] : fast->pairs()) read_entry(k, key, value);
      return k;
    }
  }
  YAML::Node root;
  try {
    root = YAML::Load(bytes);
  } catch (const YAML::Exception& e) {
    Pos p = e.mark.is_null() ? Pos{1, 1} : Pos{e.mark.line + 1, e.mark.column + 1};
    add(k, p, "cpr-syntax",
        fmt::format(fmt::runtime(tr("YAML syntax error in the key file: {} (the content is not shown)",
                                    "YAML-syntaksfejl i nøglefilen: {} (indholdet vises ikke)")),
                    fixed_part(e.msg)));
    return k;
  } catch (const std::exception&) {
    add(k, {1, 1}, "cpr-syntax", std::string(tr("YAML syntax error in the key file", "YAML-syntaksfejl i nøglefilen")));
    return k;
  }
  if (root.IsNull()) return k;  // an empty key file: every forløb will be reported missing
  if (!root.IsMap()) {
    add(k, pos_of(root), "cpr-format",
        std::string(tr("the key file must be a mapping of case id to CPR number (K-0001: \"DDMMYY-SSSS\")",
                       "nøglefilen skal være en mapping fra forløbs-id til CPR-nummer (K-0001: \"DDMMÅÅ-SSSS\")")));
    return k;
  }
  for (auto it = root.begin(); it != root.end(); ++it) read_entry(k, it->first, it->second);
  return k;
}

std::variant<KeyFile, std::string> read_key_file(const std::filesystem::path& path, const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return fmt::format(fmt::runtime(tr("the CPR key file {} does not exist (set it with --cpr-file or CTI_CPR_FILE; "
                                       "--pseudonym needs none)",
                                       "CPR-nøglefilen {} findes ikke (angiv den med --cpr-file eller CTI_CPR_FILE; "
                                       "--pseudonym kræver ingen)")),
                       path.string());
  // Never blocks: a FIFO or a device (--cpr-file /dev/zero) is refused unread.
  io::InputFile in = io::read_input(path);
  if (!in)
    return fmt::format(
        fmt::runtime(tr("cannot read the CPR key file {}: {} [{}]", "kan ikke læse CPR-nøglefilen {}: {} [{}]")),
        path.string(), io::input_reason(in), io::input_rule(in));
  return parse_key_file(*in.bytes, file);
}

bool overlap(const KeyPeriod& a, const KeyPeriod& b) {
  if (!a.first || !b.first) return false;
  return (!b.last || *a.first <= *b.last) && (!a.last || *b.first <= *a.last);
}

namespace {

std::string period_text(const std::string& id, const KeyPeriod& p) {
  return p.last ? fmt::format(fmt::runtime(tr("{} {} to {}", "{} {} til {}")), id, format_date(*p.first),
                              format_date(*p.last))
                : fmt::format(fmt::runtime(tr("{} from {}", "{} fra {}")), id, format_date(*p.first));
}

}  // namespace

void check_keys(const KeyFile& keys, const std::vector<std::string>& needed,
                const std::map<std::string, KeyPeriod>& known, Diagnostics& out) {
  const std::set<std::string> in_report(needed.begin(), needed.end());
  auto severity = [&](std::initializer_list<std::string> ids) {
    for (const auto& id : ids)
      if (in_report.count(id)) return Severity::error;
    return Severity::warning;
  };
  for (std::size_t i = 0; i < keys.diagnostics.size(); ++i) {
    Diagnostic d = keys.diagnostics[i];
    const std::string& id = i < keys.diagnostic_ids.size() ? keys.diagnostic_ids[i] : std::string();
    if (!id.empty()) d.severity = severity({id});
    out.push_back(std::move(d));
  }
  for (const auto& id : needed)
    if (!keys.by_id.count(id) && !keys.rejected.count(id))
      out.push_back(
          make_diag(keys.file, {}, Severity::error, "cpr-missing",
                    fmt::format(fmt::runtime(tr("{} is in the report but has no CPR number in the key file",
                                                "{} er med i indberetningen men har intet CPR-nummer i nøglefilen")),
                                id)));
  std::map<Cpr, std::vector<std::string>> by_cpr;  // ids in key-file order per CPR
  std::vector<std::pair<Pos, std::string>> order;
  for (const auto& [id, entry] : keys.by_id) order.emplace_back(entry.pos, id);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first.line < b.first.line; });
  for (const auto& [pos, id] : order) {
    const KeyEntry& entry = keys.by_id.at(id);
    auto period = known.find(id);
    if (period == known.end()) {
      out.push_back(make_diag(keys.file, entry.pos, Severity::warning, "cpr-unknown-id",
                              fmt::format(fmt::runtime(tr("{} matches no forløb in forloeb/; delete the line if the "
                                                          "forløb is gone",
                                                          "{} svarer ikke til noget forløb i forloeb/; slet linjen, "
                                                          "hvis forløbet er væk")),
                                          id)));
      continue;
    }
    auto& earlier = by_cpr[entry.cpr];
    for (const auto& other : earlier) {
      const KeyPeriod& a = known.at(other);
      if (!overlap(a, period->second)) continue;
      out.push_back(make_diag(
          keys.file, entry.pos, severity({id, other}), "cpr-overlap",
          fmt::format(fmt::runtime(tr("{} and {} have the same CPR number and their periods overlap ({}; {}); a "
                                      "borger who comes back gets a new forløb after the first has ended",
                                      "{} og {} har samme CPR-nummer, og deres perioder overlapper ({}; {}); en "
                                      "borger der kommer tilbage, får et nyt forløb efter at det første er afsluttet")),
                      other, id, period_text(other, a), period_text(id, period->second))));
    }
    earlier.push_back(id);
  }
}

}  // namespace cti::privacy
