// SHA-1 and git's blob id (base/sha1): the published test vectors, every padding boundary
// of the 64-byte block, and the ids git itself gives.
#include <doctest/doctest.h>

#include <string>

#include "base/sha1.hpp"

namespace cti::test::base_sha1 {

TEST_SUITE("sha1") {
  TEST_CASE("sha1_hex: the FIPS 180 test vectors") {
    CHECK(sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(sha1_hex("The quick brown fox jumps over the lazy dog") == "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
  }

  TEST_CASE("sha1_hex: a million 'a'") {
    CHECK(sha1_hex(std::string(1'000'000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  }

  TEST_CASE("sha1_hex: lengths around the padding boundaries of a block") {
    // 55 bytes still take the length in the same block; 56 need a second one.
    CHECK(sha1_hex(std::string(55, 'a')) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
    CHECK(sha1_hex(std::string(56, 'a')) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
    CHECK(sha1_hex(std::string(63, 'a')) == "03f09f5b158a7a8cdad920bddc29b81c18a551f5");
    CHECK(sha1_hex(std::string(64, 'a')) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
    CHECK(sha1_hex(std::string(65, 'a')) == "11655326c708d70319be2610e8a57d9a5b959d3b");
  }

  TEST_CASE("sha1_hex: bytes, not text: a NUL and UTF-8 hash as themselves") {
    CHECK(sha1_hex(std::string(1, '\0')) == "5ba93c9db0cff93f52b521d7420e43f6eda2784f");
    CHECK(sha1_hex("æøå") == "924dff0812d0a21590dc8b4ab01f90138410c611");
    const std::string h = sha1_hex("æøå");
    CHECK(h.size() == 40);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);  // lowercase hex only
  }

  TEST_CASE("git_blob_id: the ids `git hash-object` gives") {
    CHECK(git_blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");  // git's empty blob
    CHECK(git_blob_id("hello world\n") == "3b18e512dba79e4c8300dd08aeb37f8e728b8dad");
    CHECK(git_blob_id("id: K-0001\nnoter: æøå\r\n") == "7345586704cd1f434ee702d505a47b81970d9b98");
    CHECK(git_blob_id(std::string("a\0b", 3)) == "20b5be91886d0b6f26dc98a225c0dac05fe2c86e");
  }

  TEST_CASE("git_blob_id is the SHA-1 of the 'blob <size>\\0' header and the content") {
    const std::string content = "kontakt: 2025-01-06\n";
    CHECK(git_blob_id(content) == sha1_hex("blob " + std::to_string(content.size()) + std::string(1, '\0') + content));
    CHECK(git_blob_id(content) != sha1_hex(content));
  }
}

}  // namespace cti::test::base_sha1
