// The text layer of `cti calendar` (declared in report/calendar.hpp): RFC 5545 escaping
// and folding, event UIDs, and the export time behind DTSTAMP, LAST-MODIFIED and SEQUENCE.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "base/cpr_scan.hpp"
#include "report/calendar.hpp"

namespace cti::report {

namespace {

// UID characters: ASCII letters, digits, '-' and '.'; æ ø å spelt ae oe aa; other bytes as hex.
std::string uid_part(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c) || c == '-' || c == '.') {
      out += static_cast<char>(c);
    } else if (s.substr(i, 2) == "æ" || s.substr(i, 2) == "Æ") {
      out += "ae", ++i;
    } else if (s.substr(i, 2) == "ø" || s.substr(i, 2) == "Ø") {
      out += "oe", ++i;
    } else if (s.substr(i, 2) == "å" || s.substr(i, 2) == "Å") {
      out += "aa", ++i;
    } else {
      out += fmt::format("_{:02x}", c);
    }
  }
  return out;
}

// The value of `n` ASCII digits at s[pos], or -1.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string event_uid(std::string_view case_id, std::string_view point, std::string_view project_name) {
  std::uint32_t h = 2166136261u;  // FNV-1a of the project's name
  for (unsigned char c : project_name) h = (h ^ c) * 16777619u;
  return fmt::format("{}-{}-{:08x}@cti", uid_part(privacy::redact(case_id)), uid_part(point), h);
}

std::string ics_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view unmasked) {
  // Masked before folding: a fold could split a CPR number past the output gate.
  const std::string masked = privacy::redact_output(unmasked);
  std::string_view l = masked;
  std::string out;
  std::size_t limit = 75;  // octets on this physical line, the leading space included
  bool first = true;
  while (true) {
    std::size_t room = first ? limit : limit - 1;
    if (l.size() <= room) {
      if (!first) out += ' ';
      out += l;
      out += "\r\n";
      return out;
    }
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(l[cut]) & 0xC0) == 0x80) --cut;  // not inside a sequence
    if (cut == 0) cut = room;
    if (!first) out += ' ';
    out += l.substr(0, cut);
    out += "\r\n";
    l.remove_prefix(cut);
    first = false;
  }
}

long long ics_sequence(Instant now) {
  auto minutes = std::chrono::floor<std::chrono::minutes>(now - kSequenceEpoch).count();
  return std::max<long long>(0, minutes);
}

std::string ics_utc(Instant t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{t - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::optional<Instant> parse_utc(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  int h = digits(s, 11, 2), m = digits(s, 14, 2), sec = digits(s, 17, 2);
  if (!date || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return std::nullopt;
  return std::chrono::sys_days{*date} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec};
}

Instant export_time(std::optional<Instant> given, std::optional<Date> pinned_today, Instant clock) {
  if (given) return *given;
  if (pinned_today) return std::chrono::sys_days{*pinned_today} + std::chrono::hours{12};
  return clock;
}

}  // namespace cti::report
