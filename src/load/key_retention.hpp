// Key file retention (SPEC section 2): a key line is kept while the quarterly report may
// still need it, then flagged [cpr-retention]. The quarter a forløb ended in is the last
// quarter it appears in the report; its line is due for deletion from the first day of
// quarter end + N + 1, N = cpr_opbevaring_kvartaler (default 1).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/forloeb.hpp"
#include "load/keyfile.hpp"

namespace cti::privacy {

// "2025-Q2": the calendar quarter a date falls in.
std::string quarter_name(Date d);

// The first day of the quarter `quarters` quarters after the one `d` falls in (0: d's own).
Date quarter_start_after(Date d, int quarters);

// The first day a key line of a forløb that ended on `end` is flagged: the first day of
// quarter(end) + keep + 1.
Date retention_due_from(Date end, int keep);

// Each forløb's key period by display id: kontakt (else opstart) to its afslutning.
std::map<std::string, KeyPeriod> key_periods(const std::vector<Forloeb>& forloeb);

// [cpr-retention] (a warning) for every key line whose forløb ended and is due by `today`,
// in key-file order, naming the id and the quarter, never the CPR number. Ids in `keep_ids`
// (the forløb of the report being written) are left alone: that report still needs them.
void check_retention(const KeyFile& keys, const std::map<std::string, KeyPeriod>& known, int keep, Date today,
                     const std::set<std::string>& keep_ids, Diagnostics& out);

}  // namespace cti::privacy
