// Output language. Every user-facing text is written in the code as a pair
// tr("English", "Dansk"), so both languages stay side by side where the text is used.
#pragma once

#include <optional>
#include <string>
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

// Singular and plural, the one place that chooses: a count of exactly 1 takes the singular, every
// other count (0 included) the plural, in both languages. The texts hold the count as "{}", e.g.
// tr_n(n, "{} warning", "{} warnings", "{} advarsel", "{} advarsler"); the result is a format string.
inline std::string_view tr_n(long long n, std::string_view en_one, std::string_view en_many, std::string_view da_one,
                             std::string_view da_many) {
  return n == 1 ? tr(en_one, da_one) : tr(en_many, da_many);
}

// The count written into its form: count_text(2, "{} file", "{} files", "{} fil", "{} filer") is
// "2 files" or "2 filer".
std::string count_text(long long n, std::string_view en_one, std::string_view en_many, std::string_view da_one,
                       std::string_view da_many);

}  // namespace cti::i18n
