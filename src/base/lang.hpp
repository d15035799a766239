// Output language. Every user-facing text is written in the code as a pair
// tr("English", "Dansk"), so both languages stay side by side where the text is used.
#pragma once

#include <optional>
#include <string_view>

namespace cti {

enum class Lang { da, en };

}  // namespace cti

namespace cti::i18n {

// Set once at start-up by the command line (--lang, else cti.yaml sprog, else locale).
void set_lang(Lang l);
Lang lang();

std::optional<Lang> parse_lang(std::string_view s);

// The locale's language: LC_ALL, else LC_MESSAGES, else LANG; "da*" gives Danish.
Lang lang_from_locale();

inline std::string_view tr(std::string_view en, std::string_view da) {
  return lang() == Lang::da ? da : en;
}

}  // namespace cti::i18n
