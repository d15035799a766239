// SHA-1 (FIPS 180-4), small and dependency-free; see sha1.hpp.
#include "base/sha1.hpp"

#include <array>
#include <cstdint>

namespace cti {

namespace {

std::uint32_t rol(std::uint32_t x, int n) {
  return (x << n) | (x >> (32 - n));
}

void block(std::array<std::uint32_t, 5>& h, const unsigned char* p) {
  std::uint32_t w[80];
  for (int i = 0; i < 16; ++i)
    w[i] = (std::uint32_t(p[4 * i]) << 24) | (std::uint32_t(p[4 * i + 1]) << 16) | (std::uint32_t(p[4 * i + 2]) << 8) |
           std::uint32_t(p[4 * i + 3]);
  for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    std::uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d;
      k = 0xCA62C1D6;
    }
    std::uint32_t t = rol(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rol(b, 30);
    b = a;
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

struct Sha1 {
  std::array<std::uint32_t, 5> h{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  unsigned char buf[64];
  std::size_t used = 0;
  std::uint64_t total = 0;
  void add(std::string_view s) {
    total += s.size();
    for (unsigned char c : s) {
      buf[used++] = c;
      if (used == 64) {
        block(h, buf);
        used = 0;
      }
    }
  }
  std::string hex() {
    const std::uint64_t bits = total * 8;
    unsigned char pad = 0x80;
    add(std::string_view(reinterpret_cast<const char*>(&pad), 1));
    while (used != 56) add(std::string_view("\0", 1));
    unsigned char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
    add(std::string_view(reinterpret_cast<const char*>(len), 8));
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::uint32_t v : h)
      for (int i = 7; i >= 0; --i) out += digits[(v >> (4 * i)) & 0xF];
    return out;
  }
};

}  // namespace

std::string sha1_hex(std::string_view data) {
  Sha1 s;
  s.add(data);
  return s.hex();
}

std::string git_blob_id(std::string_view content) {
  Sha1 s;
  const std::string header = "blob " + std::to_string(content.size());
  s.add(header);
  s.add(std::string_view("\0", 1));
  s.add(content);
  return s.hex();
}

}  // namespace cti
