// [cpr-retention]: the quarter arithmetic and the warning per key line (see the header).
#include "load/key_retention.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/lang.hpp"

namespace cti::privacy {

using i18n::tr;

namespace {

// Quarters since year 0, so that adding is plain integer arithmetic.
long quarter_index(Date d) {
  return static_cast<long>(static_cast<int>(d.year())) * 4 + (static_cast<unsigned>(d.month()) - 1) / 3;
}

}  // namespace

std::string quarter_name(Date d) {
  return fmt::format("{:04}-Q{}", static_cast<int>(d.year()), (static_cast<unsigned>(d.month()) - 1) / 3 + 1);
}

Date quarter_start_after(Date d, int quarters) {
  long q = quarter_index(d) + std::max(quarters, 0);
  long year = q / 4;
  unsigned month = static_cast<unsigned>(q % 4) * 3 + 1;
  return Date{std::chrono::year{static_cast<int>(std::min(year, 32767L))}, std::chrono::month{month},
              std::chrono::day{1}};
}

Date retention_due_from(Date end, int keep) {
  return quarter_start_after(end, std::clamp(keep, 0, 40000) + 1);
}

std::map<std::string, KeyPeriod> key_periods(const std::vector<Forloeb>& forloeb) {
  std::map<std::string, KeyPeriod> known;
  for (const auto& f : forloeb) {
    KeyPeriod p;
    if (f.contact)
      p.first = *f.contact;
    else if (f.start)
      p.first = *f.start;
    p.last = f.end_date();
    known.emplace(f.display_id(), p);
  }
  return known;
}

void check_retention(const KeyFile& keys, const std::map<std::string, KeyPeriod>& known, int keep, Date today,
                     const std::set<std::string>& keep_ids, Diagnostics& out) {
  std::vector<std::pair<Pos, std::string>> order;
  for (const auto& [id, entry] : keys.by_id) order.emplace_back(entry.pos, id);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first.line < b.first.line; });
  for (const auto& [pos, id] : order) {
    auto period = known.find(id);
    if (period == known.end() || !period->second.last || keep_ids.count(id)) continue;
    const Date end = *period->second.last;
    if (today < retention_due_from(end, keep)) continue;
    out.push_back(make_diag(
        keys.file, pos, Severity::warning, "cpr-retention",
        fmt::format(fmt::runtime(tr("{} ended in {}; its key line can be deleted (cpr_opbevaring_kvartaler: {})",
                                    "{} sluttede i {}; dets linje i nøglefilen kan slettes "
                                    "(cpr_opbevaring_kvartaler: {})")),
                    id, quarter_name(end), keep)));
  }
}

}  // namespace cti::privacy
