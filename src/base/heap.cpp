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

}  // namespace

void prefer_huge_pages(char** argv) {
  if (kSanitized || argv == nullptr || argv[0] == nullptr) return;
  const char* given = std::getenv("GLIBC_TUNABLES");
  const std::string before = given ? given : "";
  if (before.find("glibc.malloc.") != std::string::npos) return;  // the user's own choice, or set already
  const std::string now = before.empty() ? kTunables : before + ":" + kTunables;
  if (setenv("GLIBC_TUNABLES", now.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Not restarted (no /proc): run as we are, leaving the environment as it was.
  if (given)
    setenv("GLIBC_TUNABLES", before.c_str(), 1);
  else
    unsetenv("GLIBC_TUNABLES");
}

}  // namespace cti
