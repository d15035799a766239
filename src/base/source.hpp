// Source positions and the diagnostics every stage reports as values.
#pragma once

#include <string>
#include <vector>

namespace cti {

struct Pos {
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based byte column
};

// A value read from a file, with where it was written. `has` is false when absent.
template <class T>
struct Field {
  T value{};
  Pos pos;
  bool has = false;
  explicit operator bool() const { return has; }
  const T& operator*() const { return value; }
  const T* operator->() const { return &value; }
  void set(T v, Pos p) {
    value = std::move(v);
    pos = p;
    has = true;
  }
};

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;  // path relative to the repository root, '/'-separated
  Pos pos;
  Severity severity = Severity::error;
  std::string rule;     // stable rule name, e.g. "unknown-key"
  std::string message;  // already translated; never contains a CPR number
};

using Diagnostics = std::vector<Diagnostic>;

// Builds a diagnostic; the message passes through the CPR redactor.
Diagnostic make_diag(std::string file, Pos pos, Severity sev, std::string rule, std::string message);

// "file:line:col: error: message [rule]"
std::string format_diagnostic(const Diagnostic& d);

// Sort by file, line, column, then rule; stable for equal keys.
void sort_diagnostics(Diagnostics& ds);

int count_severity(const Diagnostics& ds, Severity s);

}  // namespace cti
