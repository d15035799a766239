// `cti show ID`: one forløb's timeline as text. The dates, the obligations and their
// states come from schedule/ (timeline, state_on); this file only formats them.
#pragma once

#include <string>

#include "base/forloeb.hpp"
#include "base/project.hpp"

namespace cti::report {

struct ShowOptions {
  Date today;
  int horizon_days = 14;
  bool color = false;
};

std::string render_show(const Project& project, const Forloeb& f, const ShowOptions& o);

}  // namespace cti::report
