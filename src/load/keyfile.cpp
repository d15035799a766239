#include "load/keyfile.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <system_error>

#include "base/lang.hpp"
#include "io/files.hpp"
#include "load/yaml_reader.hpp"

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

void add(KeyFile& k, Pos p, const char* rule, std::string message) {
  k.diagnostics.push_back(make_diag(k.file, p, Severity::error, rule, std::move(message)));
}

void read_entry(KeyFile& k, const YAML::Node& key, const YAML::Node& value, std::map<Cpr, std::string>& seen) {
  Pos kp = pos_of(key);
  if (!key.IsScalar() || trim(key.Scalar()).empty()) {
    add(k, kp, "cpr-format",
        std::string(
            tr("each line must be 'case id: \"DDMMYY-SSSS\"'", "hver linje skal være 'forløbs-id: \"DDMMÅÅ-SSSS\"'")));
    return;
  }
  std::string id(trim(key.Scalar()));
  if (k.by_id.count(id) || k.rejected.count(id)) {
    add(k, kp, "cpr-duplicate-id",
        fmt::format(
            fmt::runtime(tr("{} appears more than once in the key file", "{} står mere end én gang i nøglefilen")),
            id));
    return;
  }
  if (!value.IsScalar()) {
    k.rejected.insert(id);
    add(k, kp, "cpr-format",
        fmt::format(fmt::runtime(tr("the value for {} must be one CPR number in quotes (\"DDMMYY-SSSS\")",
                                    "værdien for {} skal være ét CPR-nummer i anførselstegn (\"DDMMÅÅ-SSSS\")")),
                    id));
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
                  id));
    return;
  }
  if (auto it = seen.find(*cpr); it != seen.end()) {
    k.rejected.insert(id);
    const KeyEntry& first = k.by_id.at(it->second);
    add(k, kp, "cpr-duplicate",
        fmt::format(
            fmt::runtime(tr("{} has the same CPR number as {} (line {})", "{} har samme CPR-nummer som {} (linje {})")),
            id, it->second, first.pos.line));
    return;
  }
  seen.emplace(*cpr, id);
  k.by_id.emplace(id, KeyEntry{*cpr, kp});
}

}  // namespace

KeyFile parse_key_file(const std::string& bytes, const std::string& file) {
  KeyFile k;
  k.file = file;
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
  std::map<Cpr, std::string> seen;  // CPR -> the first id that has it
  for (auto it = root.begin(); it != root.end(); ++it) read_entry(k, it->first, it->second, seen);
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
  std::optional<std::string> bytes;
  if (!std::filesystem::is_directory(path, ec)) bytes = read_text_file(path);
  if (!bytes)
    return fmt::format(fmt::runtime(tr("cannot read the CPR key file {}", "kan ikke læse CPR-nøglefilen {}")),
                       path.string());
  return parse_key_file(*bytes, file);
}

void check_keys(const KeyFile& keys, const std::vector<std::string>& needed, const std::set<std::string>& known,
                Diagnostics& out) {
  for (const auto& id : needed)
    if (!keys.by_id.count(id) && !keys.rejected.count(id))
      out.push_back(
          make_diag(keys.file, {}, Severity::error, "cpr-missing",
                    fmt::format(fmt::runtime(tr("{} is in the report but has no CPR number in the key file",
                                                "{} er med i indberetningen men har intet CPR-nummer i nøglefilen")),
                                id)));
  for (const auto& [id, entry] : keys.by_id)
    if (!known.count(id))
      out.push_back(make_diag(
          keys.file, entry.pos, Severity::error, "cpr-unknown-id",
          fmt::format(
              fmt::runtime(tr("{} matches no forløb in forloeb/", "{} svarer ikke til noget forløb i forloeb/")), id)));
}

}  // namespace cti::privacy
