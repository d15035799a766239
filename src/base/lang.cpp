// Output language: the current choice, the locale fallback and the singular/plural chooser.
#include "base/lang.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cstdlib>
#include <string>

namespace cti::i18n {

namespace {
std::atomic<Lang> current{Lang::en};
}

void set_lang(Lang l) {
  current.store(l);
}
Lang lang() {
  return current.load();
}

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "da") return Lang::da;
  if (s == "en") return Lang::en;
  return std::nullopt;
}

std::string count_text(long long n, std::string_view en_one, std::string_view en_many, std::string_view da_one,
                       std::string_view da_many) {
  return fmt::format(fmt::runtime(tr_n(n, en_one, en_many, da_one, da_many)), n);
}

Lang lang_from_locale() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string_view(v).substr(0, 2) == "da" ? Lang::da : Lang::en;
  }
  return Lang::en;
}

}  // namespace cti::i18n
