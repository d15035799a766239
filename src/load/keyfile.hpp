// The CPR key file (cpr.yaml: case id -> CPR number), the one place CPR numbers live.
// Every message about it names the case id and the position, never the number.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "base/cpr.hpp"
#include "base/date.hpp"
#include "base/source.hpp"

namespace cti::privacy {

struct KeyEntry {
  Cpr cpr;
  Pos pos;  // of the id (the key)
};

struct KeyFile {
  std::string file;                         // name used in diagnostics, e.g. "cpr.yaml"
  std::map<std::string, KeyEntry> by_id;    // the entries with a valid CPR
  std::set<std::string> rejected;           // ids present but unusable (already diagnosed)
  Diagnostics diagnostics;                  // rules cpr-syntax, cpr-format, cpr-duplicate-id, cpr-invalid
  std::vector<std::string> diagnostic_ids;  // the case id each diagnostic is about ("" = the whole file)
};

// A forløb's time for the repeated-CPR rule: kontakt (else opstart) to afslutning.dato,
// open-ended while it runs. Without kontakt and opstart it overlaps nothing.
struct KeyPeriod {
  std::optional<Date> first, last;
};

// Parses the key file's bytes. `file` is the name diagnostics use. Never echoes a value:
// not even the YAML parser's message is passed on beyond its fixed part.
KeyFile parse_key_file(const std::string& bytes, const std::string& file);

// Reads and parses the key file; an error text (naming the path only) when it cannot be read.
std::variant<KeyFile, std::string> read_key_file(const std::filesystem::path& path, const std::string& file);

// The key file's own diagnostics and its cross-checks against the repository, into `out`:
// every id in `needed` (the forløb in the report) must have a CPR [cpr-missing]; an id in
// the key file that is no forløb in `known` is a warning [cpr-unknown-id]; one CPR on two
// forløb is a borger who came back, an error only when their periods overlap
// [cpr-overlap], naming both ids. Problems that touch no forløb in `needed` are warnings:
// only the report's own forløb stop it.
void check_keys(const KeyFile& keys, const std::vector<std::string>& needed,
                const std::map<std::string, KeyPeriod>& known, Diagnostics& out);

// Whether two periods share a day (both ends inclusive; an open end runs forever).
bool overlap(const KeyPeriod& a, const KeyPeriod& b);

}  // namespace cti::privacy
