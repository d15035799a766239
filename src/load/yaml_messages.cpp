// Plain words for yaml-cpp's errors: a CTI worker should not need to know what a "map value"
// is. Unknown messages keep the parser's text after "YAML syntax error:".
#include "load/yaml_messages.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "base/date.hpp"
#include "base/lang.hpp"

namespace cti {

using i18n::tr;

std::string plain_yaml_message(std::string_view m) {
  struct Plain {
    std::string_view parser, en, da;
  };
  static const std::vector<Plain> plain = {
      {"illegal map value", "a colon YAML cannot read here (a value with ': ' in it must be in quotes)",
       "et kolon som YAML ikke kan læse her (en værdi med ': ' i skal stå i anførselstegn)"},
      {"end of map not found", "the indentation does not fit: a line is indented differently from the lines above it",
       "indrykningen passer ikke: en linje er rykket anderledes ind end linjerne over den"},
      {"end of sequence not found", "the indentation of a list does not fit: each '- ' must line up",
       "indrykningen i en liste passer ikke: hver '- ' skal stå lige under hinanden"},
      {"end of map flow not found", "a '{' is never closed with '}'", "en '{' lukkes aldrig med '}'"},
      {"end of sequence flow not found", "a '[' is never closed with ']'", "en '[' lukkes aldrig med ']'"},
      {"the referenced anchor is not defined", "'*' at the start of a value must be in quotes",
       "en værdi der begynder med '*' skal stå i anførselstegn"},
      {"alias not found after *", "'*' at the start of a value must be in quotes",
       "en værdi der begynder med '*' skal stå i anførselstegn"},
      {"anchor not found after &", "'&' at the start of a value must be in quotes",
       "en værdi der begynder med '&' skal stå i anførselstegn"},
      {"illegal block entry", "a '- ' list item where none can be", "et '- '-listepunkt hvor der ikke kan være et"},
      {"illegal map key", "a '? ' where no key can be", "et '? ' hvor der ikke kan stå en nøgle"},
      {"illegal flow end", "a ']' or '}' that closes nothing", "en ']' eller '}' som ikke lukker noget"},
      {"unknown escape character: ", "an unknown '\\' escape in a \"quoted\" value (use 'single quotes')",
       "en ukendt '\\'-kode i en \"citeret\" værdi (brug 'enkelte anførselstegn')"},
      {"illegal EOF in scalar", "a quoted value is never closed (the closing quote is missing)",
       "en værdi i anførselstegn lukkes aldrig (det afsluttende tegn mangler)"},
      {"unknown token", "a character that cannot start a value here (put the value in quotes)",
       "et tegn der ikke kan begynde en værdi her (sæt værdien i anførselstegn)"},
  };
  for (const auto& p : plain)
    if (m.substr(0, p.parser.size()) == p.parser)
      return fmt::format(fmt::runtime(tr("YAML syntax error: {}", "YAML-syntaksfejl: {}")),
                         std::string(tr(p.en, p.da)));
  return fmt::format(fmt::runtime(tr("YAML syntax error: {}", "YAML-syntaksfejl: {}")), m);
}

namespace {
// "opstart:2026-03-20", "  økonomi:2025-05-10", "- id:mette": a word, a colon, no space.
std::optional<std::pair<std::size_t, std::string>> colon_slip(std::string_view l) {
  std::size_t i = 0;
  while (i < l.size() && l[i] == ' ') ++i;
  if (l.substr(i, 2) == "- ") i += 2;
  const std::size_t start = i;
  while (i < l.size()) {
    const unsigned char c = static_cast<unsigned char>(l[i]);
    if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-'))
      break;
    ++i;
  }
  if (i == start || i + 1 >= l.size() || l[i] != ':') return std::nullopt;
  const char next = l[i + 1];
  if (next == ' ' || next == '\t' || next == '\r' || next == '/') return std::nullopt;  // fine, or "http://"
  return std::pair{start, std::string(l.substr(start, i - start))};
}
}  // namespace

std::optional<ColonSlip> missing_space_after_colon(const std::string& bytes, int line) {
  std::optional<ColonSlip> found;
  int n = 1;
  for (std::size_t start = 0; start < bytes.size() && n <= line; ++n) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    if (auto s = colon_slip(std::string_view(bytes.data() + start, end - start)))
      found = ColonSlip{{n, static_cast<int>(s->first) + 1}, s->second};
    start = end + 1;
  }
  return found;
}

std::string date_hint(std::string_view v) {
  int parts[3] = {0, 0, 0};
  std::size_t digits[3] = {0, 0, 0};
  int k = 0;
  char sep = 0;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      if (++digits[k] > 4) return {};
      parts[k] = parts[k] * 10 + (c - '0');
    } else if ((c == '-' || c == '.' || c == '/') && k < 2 && digits[k] > 0 && (sep == 0 || sep == c)) {
      sep = c;
      ++k;
    } else {
      return {};
    }
  }
  if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return {};
  const std::string iso = fmt::format("{:04}-{:02}-{:02}", parts[2], parts[1], parts[0]);
  if (!parse_date(iso)) return {};
  return fmt::format(fmt::runtime(tr("; write {}", "; skriv {}")), iso);
}

std::string spelling_hint(std::string_view value, std::string_view right) {
  if (value.size() != right.size() || value == right) return {};
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == '_') c = ' ';
    if (c != right[i]) return {};
  }
  return fmt::format(fmt::runtime(tr(" (write '{}')", " (skriv '{}')")), right);
}

std::string decimal_comma_hint(std::string_view v) {
  auto comma = v.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma + 1 == v.size() ||
      v.find(',', comma + 1) != std::string_view::npos)
    return {};
  for (char c : v)
    if (c != ',' && (c < '0' || c > '9')) return {};
  std::string point(v);
  point[comma] = '.';
  return fmt::format(fmt::runtime(tr(" (use a point: {})", " (brug punktum: {})")), point);
}

}  // namespace cti
