// Work spread over the machine's cores: fn(i) for every i below n, each index taken
// once, in blocks, by the calling thread and up to seven more. For pure per-item work
// whose results go to slots of their own (out[i]), so the result is the same as a plain
// loop's, in the same order; with few items, or when no thread can be had, it is one.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace cti {

template <class Fn>
void for_each_index(std::size_t n, std::size_t block, Fn&& fn) {
  block = std::max<std::size_t>(block, 1);
  const std::size_t blocks = (n + block - 1) / block;
  const std::size_t threads = std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, blocks});
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t b = next++; b < blocks; b = next++)
      for (std::size_t i = b * block, end = std::min(n, i + block); i < end; ++i) fn(i);
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {  // fewer helpers: the blocks still all get done
      break;
    }
  }
  work();
  for (auto& h : helpers) h.join();
}

}  // namespace cti
