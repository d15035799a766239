// Reading typed values out of the YAML tree (keys, scalars, dates, numbers), with
// every problem reported as a diagnostic at its position; parsing is yaml_parse.cpp.
#include "load/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "base/checklist.hpp"
#include "base/cpr_scan.hpp"
#include "base/lang.hpp"
#include "base/suggest.hpp"
#include "load/yaml_messages.hpp"

namespace cti {

using i18n::tr;

Pos pos_of(const yaml::Node& n) {
  return n.pos();
}

std::string quote_value(std::string_view raw) {
  // Masked before it is cut: cutting first could leave nine digits of a CPR number.
  const std::string v = privacy::redact_output(raw);
  std::size_t cut = std::min<std::size_t>(v.size(), 40);
  while (cut < v.size() && cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  std::string s = v.substr(0, cut);
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (cut < v.size()) s += "...";
  return "'" + s + "'";
}

void YamlReader::error(Pos p, std::string rule, std::string message) {
  out_.push_back(make_diag(file_, p, Severity::error, std::move(rule), std::move(message)));
}

void YamlReader::warning(Pos p, std::string rule, std::string message) {
  out_.push_back(make_diag(file_, p, Severity::warning, std::move(rule), std::move(message)));
}

namespace {
std::string describe_kind(const yaml::Node& n) {
  switch (n.kind()) {
    case yaml::Kind::sequence:
      return std::string(tr("a list", "en liste"));
    case yaml::Kind::map:
      return std::string(tr("a mapping", "en mapping"));
    case yaml::Kind::null:
      return std::string(tr("empty", "tom"));
    default:
      return std::string(tr("a single value", "en enkelt værdi"));
  }
}
}  // namespace

bool YamlReader::is_item_id(std::string_view key) const {
  if (!item_ids_.empty()) return std::find(item_ids_.begin(), item_ids_.end(), key) != item_ids_.end();
  return std::any_of(builtin_checklist().begin(), builtin_checklist().end(),
                     [&](const ChecklistItem& i) { return i.id == key; });
}

void YamlReader::each_key(const yaml::Node& map, const std::vector<std::string>& known, std::string_view where,
                          const std::function<void(const std::string&, Pos, const yaml::Node&)>& visit) {
  std::map<std::string, Pos> seen;
  for (const auto& entry : map.pairs()) {
    const yaml::Node& k = entry.first;
    const yaml::Node& v = entry.second;
    Pos kp = pos_of(k);
    if (!k.IsScalar()) {
      error(kp, "wrong-type", std::string(tr("a key must be a single word", "en nøgle skal være et enkelt ord")));
      continue;
    }
    const std::string& key = k.Scalar();
    if (auto [first, fresh] = seen.emplace(key, kp); !fresh) {
      error(kp, "duplicate-key",
            fmt::format(fmt::runtime(tr("key '{}' appears more than once (the first is at line {})",
                                        "nøglen '{}' står der mere end én gang (den første står i linje {})")),
                        key, first->second.line));
      continue;
    }
    bool is_known = false;
    for (const auto& kn : known) is_known = is_known || kn == key;
    if (!is_known) {
      std::string msg = where.empty()
                            ? fmt::format(fmt::runtime(tr("unknown key {}", "ukendt nøgle {}")), quote_value(key))
                            : fmt::format(fmt::runtime(tr("unknown key {} in '{}'", "ukendt nøgle {} i '{}'")),
                                          quote_value(key), where);
      if (where.empty() && std::find(known.begin(), known.end(), "tjekliste") != known.end() && is_item_id(key))
        msg += std::string(tr(" (a checklist item: indent it under tjekliste:)",
                              " (et tjeklistepunkt: ryk den ind under tjekliste:)"));
      else
        msg += did_you_mean(key, known);
      error(kp, "unknown-key", msg);
      continue;
    }
    visit(key, kp, v);
  }
}

void YamlReader::require(const yaml::Node& map, const std::vector<std::string>& required, Pos at,
                         const std::vector<std::string>& known) {
  // A misspelt key that each_key will report as "unknown key ... (did you mean 'X'?)".
  auto misspelt = [&](const std::string& wanted) {
    if (known.empty()) return false;
    for (const auto& entry : map.pairs()) {
      const yaml::Node& kn = entry.first;
      if (!kn.IsScalar()) continue;
      const std::string k = kn.Scalar();
      if (std::find(known.begin(), known.end(), k) == known.end() && suggest(k, known) == wanted) return true;
    }
    return false;
  };
  for (const auto& key : required) {
    const yaml::Node& v = map[key];
    if (!v.IsDefined()) {
      if (!misspelt(key))
        error(at, "missing-key",
              fmt::format(fmt::runtime(tr("required key '{}' is missing", "den påkrævede nøgle '{}' mangler")), key));
    } else if (v.IsNull()) {
      // At the key: the parser places an empty value where the next token starts.
      Pos kp = at;
      for (const auto& entry : map.pairs()) {
        const yaml::Node& kn = entry.first;
        if (kn.IsScalar() && kn.Scalar() == key) kp = pos_of(kn);
      }
      error(kp, "missing-key",
            fmt::format(fmt::runtime(tr("required key '{}' has no value", "den påkrævede nøgle '{}' har ingen værdi")),
                        key));
    }
  }
}

bool YamlReader::is_mapping(const yaml::Node& n, std::string_view key) {
  if (n.IsMap()) return true;
  error(pos_of(n), "wrong-type",
        fmt::format(fmt::runtime(tr("'{}' must be a mapping (key: value lines), not {}",
                                    "'{}' skal være en mapping (nøgle: værdi-linjer), ikke {}")),
                    key, describe_kind(n)));
  return false;
}

bool YamlReader::is_sequence(const yaml::Node& n, std::string_view key) {
  if (n.IsSequence()) return true;
  error(pos_of(n), "wrong-type",
        fmt::format(fmt::runtime(tr("'{}' must be a list, not {}", "'{}' skal være en liste, ikke {}")), key,
                    describe_kind(n)));
  return false;
}

std::optional<std::string> YamlReader::scalar(const yaml::Node& n, std::string_view key) {
  if (n.IsScalar()) return n.Scalar();
  error(pos_of(n), "wrong-type",
        fmt::format(fmt::runtime(tr("'{}' must be a single value, not {}", "'{}' skal være en enkelt værdi, ikke {}")),
                    key, describe_kind(n)));
  return std::nullopt;
}

std::optional<Date> YamlReader::date(const yaml::Node& n, std::string_view key) {
  auto s = scalar(n, key);
  if (!s) return std::nullopt;
  if (auto d = parse_date(*s)) {
    if (year_in_range(*d)) return d;
    // A year cti cannot compute with: a planned end in year 10000 would not print as
    // YYYY-MM-DD (nor be a valid iCalendar date).
    error(pos_of(n), "date-out-of-range",
          fmt::format(
              fmt::runtime(tr("'{}': {} is outside the years {} to {}", "'{}': {} ligger uden for årene {} til {}")),
              key, quote_value(*s), kFirstYear, kLastYear));
    return std::nullopt;
  }
  if (looks_like_date(*s))
    error(
        pos_of(n), "invalid-date",
        fmt::format(fmt::runtime(tr("'{}': {} is not a date in the calendar", "'{}': {} er ikke en dato i kalenderen")),
                    key, quote_value(*s)));
  else
    error(pos_of(n), "invalid-date",
          fmt::format(fmt::runtime(tr("'{}' must be a date written YYYY-MM-DD, not {}",
                                      "'{}' skal være en dato skrevet ÅÅÅÅ-MM-DD, ikke {}")),
                      key, quote_value(*s)) +
              date_hint(*s));
  return std::nullopt;
}

std::optional<double> YamlReader::number(const yaml::Node& n, std::string_view key) {
  auto s = scalar(n, key);
  if (!s) return std::nullopt;
  double v = 0;
  // A number as YAML writes one: plain (a quoted "10" is text, as editors and the schema
  // read it), finite (no inf or nan).
  bool plain = n.plain();
  auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (plain && ec == std::errc() && ptr == s->data() + s->size() && !s->empty() && std::isfinite(v)) return v;
  if (!plain && ec == std::errc() && ptr == s->data() + s->size()) {
    error(pos_of(n), "wrong-type",
          fmt::format(
              fmt::runtime(tr("'{}' must be a number; {} in quotes is text: write it without quotes",
                              "'{}' skal være et tal; {} i anførselstegn er tekst: skriv tallet uden anførselstegn")),
              key, quote_value(*s)));
    return std::nullopt;
  }
  error(pos_of(n), "wrong-type",
        fmt::format(fmt::runtime(tr("'{}' must be a number, not {}", "'{}' skal være et tal, ikke {}")), key,
                    quote_value(*s)) +
            decimal_comma_hint(*s));
  return std::nullopt;
}

}  // namespace cti
