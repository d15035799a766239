// Shared by status and the team views (caseload, calendar, fidelity, board): checking
// --worker, and the notes on what a view could not count.
#pragma once

#include <string>

#include "cli/common.hpp"
#include "report/quarter.hpp"
#include "report/uncounted.hpp"

namespace cti::cli {

// True when `worker` is empty, a worker of cti.yaml or the medarbejder of some forløb;
// otherwise prints an error (a "did you mean", else the workers of cti.yaml) and returns false.
bool check_worker(const CheckedRepo& repo, const std::string& worker);

// The worker a view shows (SPEC 9, "who am I"): --worker, else, unless --all-workers,
// CTI_WORKER, else `git config cti.worker`; checked like --worker (the error names where a
// default came from). A default in use is said in one line on stderr. False: printed.
struct WorkerChoice {
  std::string worker;        // --worker as given
  bool all_workers = false;  // --all-workers
};
void add_worker_choice(CLI::App& app, WorkerChoice& c);
bool settle_worker(const CheckedRepo& repo, WorkerChoice& c);

// What a view could not count (report::uncounted), as notes on stderr with the files
// named from where cti was started: the same notes, in the same words, from every view.
void note_uncounted(const CheckedRepo& repo, report::Uncounted u, report::Shown shown);

// A key-file diagnostic as report and key check print it: "file:line:col: ..." where it has
// a position, else "file: error: message [rule]" (a case id missing from the key file).
std::string format_key_diagnostic(const Diagnostic& d);

// --quarter as given (empty: the last completed quarter before today), as report and key
// check take it; nothing (the error printed) when it is no YYYY-Qn.
std::optional<report::Quarter> quarter_option(const std::string& given, Date today);

}  // namespace cti::cli
