// CLI11 says its parse errors in English ("Value abc not in range 0 to 3660", "ID is
// required"); this puts each kind main.cpp can meet into tr("English", "Dansk"), reading the
// option, the value and the allowed values out of CLI11's own message.
#include "cli/parse_error.hpp"

#include <fmt/format.h>

#include <string_view>

#include "base/lang.hpp"
#include "load/repo.hpp"

namespace cti::cli {

namespace {

using i18n::tr;

std::string after(std::string_view s, std::string_view marker) {
  auto p = s.find(marker);
  return p == std::string_view::npos ? std::string() : std::string(s.substr(p + marker.size()));
}

bool fs_is_dir(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_directory(p, ec);
}

std::string before(std::string_view s, std::string_view marker) {
  auto p = s.find(marker);
  return std::string(p == std::string_view::npos ? s : s.substr(0, p));
}

// "{table,json}" -> "table, json".
std::string set_words(std::string set) {
  if (!set.empty() && set.front() == '{') set.erase(0, 1);
  if (!set.empty() && set.back() == '}') set.pop_back();
  std::string out;
  for (char c : set) out += c == ',' ? std::string(", ") : std::string(1, c);
  return out;
}

// "--days: Value abc not in range 0 to 3660", "--format: xml not in {table,json}",
// "--days: Failed parsing number (abc)".
std::string validation(const std::string& msg) {
  const std::string opt = before(msg, ": ");
  const std::string what = after(msg, ": ");
  if (what.rfind("Value ", 0) == 0 && what.find(" not in range ") != std::string::npos) {
    const std::string value = before(what.substr(6), " not in range ");
    const std::string range = after(what, " not in range ");
    return fmt::format(fmt::runtime(tr("'{}' takes a whole number from {} to {}, not '{}'",
                                       "'{}' skal have et helt tal fra {} til {}, ikke '{}'")),
                       opt, before(range, " to "), after(range, " to "), value);
  }
  if (auto p = what.find(" not in {"); p != std::string::npos)
    return fmt::format(fmt::runtime(tr("'{}' takes one of {}, not '{}'", "'{}' skal have én af {}, ikke '{}'")), opt,
                       set_words(what.substr(p + 8)), what.substr(0, p));
  if (what.rfind("Failed parsing", 0) == 0)
    return fmt::format(fmt::runtime(tr("'{}' takes a number", "'{}' skal have et tal")), opt);
  return fmt::format(fmt::runtime(tr("'{}' does not accept that value", "'{}' kan ikke tage den værdi")), opt);
}

}  // namespace

void settle_parse_error_language(GlobalOptions g, const std::vector<std::string>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if ((a == "-C" || a == "--lang") && i + 1 < args.size())
      (a == "-C" ? g.dir : g.lang) = args[++i];
    else if (a.rfind("--lang=", 0) == 0)
      g.lang = a.substr(7);
    else if (a.rfind("-C", 0) == 0 && a.size() > 2)
      g.dir = a.substr(2);
  }
  if (!i18n::parse_lang(g.lang)) g.lang.clear();
  const auto start = start_dir(g);
  settle_language(g, fs_is_dir(start) ? find_repo_root(start) : std::nullopt);
}

std::string parse_error_text(const CLI::ParseError& e, const std::vector<std::string>& extras) {
  const std::string msg = e.what();
  if (dynamic_cast<const CLI::ValidationError*>(&e)) return validation(msg);
  if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    // "Could not convert: --days = abc", "The value abc is not an allowed value for --days"
    std::string opt = msg.rfind("Could not convert: ", 0) == 0 ? before(after(msg, ": "), " = ") : after(msg, " for ");
    std::string value =
        msg.rfind("Could not convert: ", 0) == 0 ? after(msg, " = ") : before(after(msg, "The value "), " is not");
    return fmt::format(fmt::runtime(tr("'{}' cannot take the value '{}'", "'{}' kan ikke have værdien '{}'")), opt,
                       value);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (msg.find(" is required") != std::string::npos && msg.rfind("Exactly", 0) != 0) {
      const std::string what = before(msg, " is required");
      if (!what.empty() && what[0] == '-')
        return fmt::format(fmt::runtime(tr("the option '{}' must be given", "tilvalget '{}' skal med")), what);
      return fmt::format(fmt::runtime(tr("the argument {} is missing", "argumentet {} mangler")), what);
    }
    return std::string(tr("a required argument is missing", "der mangler et påkrævet argument"));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    if (msg.find(" required ") != std::string::npos && msg.find(" missing") != std::string::npos)
      return fmt::format(fmt::runtime(tr("'{}' needs a value", "'{}' skal have en værdi")), before(msg, ":"));
    const std::string opt =
        msg.rfind("Expected ", 0) == 0 ? before(after(msg, " arguments to "), ",") : before(msg, ":");
    return fmt::format(
        fmt::runtime(tr("'{}' was given the wrong number of values", "'{}' fik et forkert antal værdier")), opt);
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e))
    return fmt::format(
        fmt::runtime(tr("'{}' cannot be used together with '{}'", "'{}' kan ikke bruges sammen med '{}'")),
        before(msg, " excludes "), after(msg, " excludes "));
  if (dynamic_cast<const CLI::RequiresError*>(&e))
    return fmt::format(fmt::runtime(tr("'{}' needs '{}' as well", "'{}' kræver også '{}'")), before(msg, " requires "),
                       after(msg, " requires "));
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    std::string word = extras.empty() ? after(msg, ": ") : extras.front();
    return fmt::format(fmt::runtime(tr("unexpected argument '{}'", "uventet argument '{}'")), word);
  }
  // InvalidError, HorribleError, FileError: none of cti's options can give these.
  return std::string(tr("the command line could not be read", "kommandolinjen kunne ikke læses"));
}

}  // namespace cti::cli
