#include "base/heap.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace cti {

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Huge pages for the heap (madvised as it grows), and the heap grown 32 MiB at a time so
// that each growth can be backed by them.
constexpr const char* kTunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=33554432";
// Set across the restart only: "-" when the user had no GLIBC_TUNABLES, else "=" and the
// user's value, which the restarted cti puts back (glibc has read the tunables by then)
// so that git, hooks and editors run with the environment the user gave.
constexpr const char* kBefore = "CTI_GLIBC_TUNABLES_BEFORE";

void put_back(const char* before) {
  if (before[0] == '=')
    setenv("GLIBC_TUNABLES", before + 1, 1);
  else
    unsetenv("GLIBC_TUNABLES");
  unsetenv(kBefore);
}

}  // namespace

void prefer_huge_pages(char** argv) {
  if (const char* before = std::getenv(kBefore)) {  // this is the restarted cti
    put_back(std::string(before).c_str());
    return;
  }
  if (kSanitized || argv == nullptr || argv[0] == nullptr) return;
  const char* given = std::getenv("GLIBC_TUNABLES");
  const std::string before = given ? given : "";
  if (before.find("glibc.malloc.") != std::string::npos) return;  // the user's own choice
  const std::string now = before.empty() ? kTunables : before + ":" + kTunables;
  const std::string saved = given ? "=" + before : "-";
  if (setenv(kBefore, saved.c_str(), 1) != 0 || setenv("GLIBC_TUNABLES", now.c_str(), 1) != 0) {
    put_back(saved.c_str());
    return;
  }
  execv("/proc/self/exe", argv);
  put_back(saved.c_str());  // not restarted (no /proc): run as we are, the environment as it was
}

}  // namespace cti
