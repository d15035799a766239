// Hook files: written whole, never over a foreign hook unless asked, the old one kept.
#include "cli/hook_install.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "base/lang.hpp"
#include "cli/git_setup.hpp"
#include "io/files.hpp"

namespace fs = std::filesystem;

namespace cti::cli {

using i18n::tr;

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int install_hook(const fs::path& hook, const std::string& script, bool force) {
  std::error_code ec;
  fs::create_directories(hook.parent_path(), ec);
  // Anything at the hook path is foreign unless it is a regular file cti wrote: a link
  // (dangling or not), an unreadable file, a directory.
  const auto st = fs::symlink_status(hook, ec);
  const bool present = fs::exists(st) || fs::is_symlink(st);
  std::optional<std::string> existing = fs::is_regular_file(st) ? read_text_file(hook) : std::nullopt;
  const bool ours = existing && existing->find(kHookMarker) != std::string::npos;
  if (present && !ours && !force)
    return setup_error(
        fmt::format(fmt::runtime(tr("{} exists and was not written by cti; keep it, or replace it with --force",
                                    "{} findes og er ikke skrevet af cti; behold den, eller erstat den med --force")),
                    hook.string()));
  if (present && !ours) {
    // --force: the foreign hook is moved aside as it is (a link stays a link), nothing lost.
    fs::path backup = hook;
    backup += ".before-cti";
    for (int n = 1; fs::exists(fs::symlink_status(backup, ec)) || fs::is_symlink(fs::symlink_status(backup, ec)); ++n)
      backup = fs::path(hook.string() + ".before-cti." + std::to_string(n));
    if (link(hook.c_str(), backup.c_str()) != 0 && rename(hook.c_str(), backup.c_str()) != 0)
      return setup_error(fmt::format(fmt::runtime(tr("cannot keep the old hook as {}; nothing was changed",
                                                     "kan ikke gemme den gamle hook som {}; intet er ændret")),
                                     backup.string()));
    print_note(
        fmt::format(fmt::runtime(tr("the old hook is kept as {}", "den gamle hook er gemt som {}")), backup.string()));
  }
  if (auto err = replace_file(hook, script, 0755)) return setup_error(*err);
  return kOk;
}

}  // namespace cti::cli
