// Work spread over the cores (base/parallel): every index once, whatever the block size,
// and results in their own slots come out as a plain loop's would.
#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <vector>

#include "base/parallel.hpp"

namespace cti::test::base_parallel {

TEST_SUITE("base/parallel") {
  TEST_CASE("for_each_index visits every index exactly once") {
    for (std::size_t n : {0u, 1u, 7u, 256u, 1001u}) {
      for (std::size_t block : {0u, 1u, 3u, 64u, 5000u}) {
        std::vector<std::atomic<int>> seen(n);
        for_each_index(n, block, [&](std::size_t i) { ++seen[i]; });
        int wrong = 0;
        for (const auto& s : seen) wrong += s.load() != 1;
        CHECK_MESSAGE(wrong == 0, "n=" << n << " block=" << block);
      }
    }
  }

  TEST_CASE("results written to their own slots equal the plain loop's") {
    const std::size_t n = 10000;
    std::vector<long> plain(n), spread(n);
    for (std::size_t i = 0; i < n; ++i) plain[i] = static_cast<long>(i * i % 97);
    for_each_index(n, 128, [&](std::size_t i) { spread[i] = static_cast<long>(i * i % 97); });
    CHECK(spread == plain);
  }
}

}  // namespace cti::test::base_parallel
