// The byte form of CachedCase: integers as LEB128 varints (zigzag when signed), bools as
// one byte, length-prefixed strings, fields in declaration order. One Encoder and one Decoder walk the record in the
// same order, through the overloads of `xfer`, so the two cannot drift apart field by field.
#include "load/record_codec.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace cti {

namespace {

class Encoder {
 public:
  std::string out;
  void u32(std::uint32_t v) {  // LEB128: seven bits a byte, low bits first
    while (v >= 0x80) {
      out += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  void i32(std::int32_t v) {  // zigzag: small negative numbers stay short too
    u32((static_cast<std::uint32_t>(v) << 1) ^ static_cast<std::uint32_t>(v >> 31));
  }
  void byte(bool v) { out += v ? '\1' : '\0'; }
  void raw(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
};

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  bool ok = true;
  std::uint32_t u32() {
    std::uint32_t v = 0;
    for (int shift = 0; ok && at_ < in_.size(); shift += 7) {
      const auto b = static_cast<unsigned char>(in_[at_++]);
      if (shift == 28 && b > 0x0f) break;  // more than 32 bits
      v |= static_cast<std::uint32_t>(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    return fail();
  }
  std::int32_t i32() {
    const std::uint32_t z = u32();
    return static_cast<std::int32_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  bool byte() {
    if (!ok || at_ >= in_.size() || static_cast<unsigned char>(in_[at_]) > 1) return fail();
    return in_[at_++] != 0;
  }
  std::string_view raw() {
    std::uint32_t n = u32();
    if (!ok || in_.size() - at_ < n) return fail(), std::string_view();
    std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  // An upper bound for a count read from the bytes: every element takes at least one byte.
  std::uint32_t count() {
    std::uint32_t n = u32();
    if (ok && n > in_.size() - at_) return fail();
    return n;
  }
  bool done() const { return ok && at_ == in_.size(); }

 private:
  std::uint32_t fail() {
    ok = false;
    return 0;
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

// One overload set per direction; `xfer(c, x)` writes x to an Encoder or reads it from a Decoder.
void xfer(Encoder& e, const std::string& s) {
  e.raw(s);
}
void xfer(Decoder& d, std::string& s) {
  s.assign(d.raw());
}
void xfer(Encoder& e, const int& v) {
  e.i32(v);
}
void xfer(Decoder& d, int& v) {
  v = d.i32();
}
void xfer(Encoder& e, const bool& v) {
  e.byte(v);
}
void xfer(Decoder& d, bool& v) {
  v = d.byte();
}

template <class E>
requires std::is_enum_v<E>
void xfer(Encoder& e, const E& v) {
  e.u32(static_cast<std::uint32_t>(v));
}
template <class E>
requires std::is_enum_v<E>
void xfer(Decoder& d, E& v) {
  v = static_cast<E>(d.u32());
}

void xfer(Encoder& e, const Date& v) {
  e.i32(static_cast<int>(v.year()));
  e.u32(static_cast<unsigned>(v.month()));
  e.u32(static_cast<unsigned>(v.day()));
}
void xfer(Decoder& d, Date& v) {
  int y = d.i32();
  unsigned m = d.u32(), day = d.u32();
  v = Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

void xfer(Encoder& e, const Pos& p) {
  xfer(e, p.line);
  xfer(e, p.col);
}
void xfer(Decoder& d, Pos& p) {
  xfer(d, p.line);
  xfer(d, p.col);
}

// Templates below find each other (and the struct overloads) by argument-dependent
// look-up on the Encoder/Decoder, so their order does not matter.
template <class T>
void xfer(Encoder& e, const Field<T>& f) {
  xfer(e, f.has);
  if (!f.has) return;
  xfer(e, f.value);
  xfer(e, f.pos);
}
template <class T>
void xfer(Decoder& d, Field<T>& f) {
  xfer(d, f.has);
  if (!f.has) return;
  xfer(d, f.value);
  xfer(d, f.pos);
}

// The records: one function per struct, for both directions (R is T or const T).
template <class C, class R>
void io_mark(C& c, R& m) {
  xfer(c, m.item);
  xfer(c, m.done);
  xfer(c, m.not_relevant);
  xfer(c, m.pos);
}
template <class C, class R>
void io_doc(C& c, R& m) {
  xfer(c, m.point);
  xfer(c, m.date);
  xfer(c, m.pos);
}
template <class C, class R>
void io_peer(C& c, R& p) {
  xfer(c, p.offered);
  xfer(c, p.wanted);
  xfer(c, p.matched);
  xfer(c, p.form);
}
template <class C, class R>
void io_contact(C& c, R& k) {
  xfer(c, k.date);
  xfer(c, k.with);
  xfer(c, k.place);
  xfer(c, k.status);
  xfer(c, k.pos);
}
template <class C, class R>
void io_focus(C& c, R& f) {
  xfer(c, f.phase);
  xfer(c, f.areas);
  xfer(c, f.pos);
}
template <class C, class R>
void io_goal(C& c, R& g) {
  xfer(c, g.area);
  xfer(c, g.reached);
  xfer(c, g.pos);
}
template <class C, class R>
void io_ending(C& c, R& x) {
  xfer(c, x.date);
  xfer(c, x.status);
  xfer(c, x.reason);
}
template <class C, class R>
void io_diag(C& c, R& x) {
  xfer(c, x.file);
  xfer(c, x.pos);
  xfer(c, x.severity);
  xfer(c, x.rule);
  xfer(c, x.message);
}

#define CTI_CODEC_STRUCT(T, fn)                  \
  void xfer(Encoder& e, const T& v) {            \
    fn(e, v);                                    \
  }                                              \
  [[maybe_unused]] void xfer(Decoder& d, T& v) { \
    fn(d, v);                                    \
  }
CTI_CODEC_STRUCT(ChecklistMark, io_mark)
CTI_CODEC_STRUCT(DocMark, io_doc)
CTI_CODEC_STRUCT(PeerSupport, io_peer)
CTI_CODEC_STRUCT(Contact, io_contact)
CTI_CODEC_STRUCT(FocusAreas, io_focus)
CTI_CODEC_STRUCT(Goal, io_goal)
CTI_CODEC_STRUCT(Ending, io_ending)
CTI_CODEC_STRUCT(Diagnostic, io_diag)
#undef CTI_CODEC_STRUCT

template <class T>
void xfer(Encoder& e, const std::optional<T>& v) {
  xfer(e, v.has_value());
  if (v) xfer(e, *v);
}
template <class T>
void xfer(Decoder& d, std::optional<T>& v) {
  bool has = false;
  xfer(d, has);
  if (!has) return v.reset();
  v.emplace();
  xfer(d, *v);
}
template <class T>
void xfer(Encoder& e, const std::vector<T>& v) {
  e.u32(static_cast<std::uint32_t>(v.size()));
  for (const auto& x : v) xfer(e, x);
}
template <class T>
void xfer(Decoder& d, std::vector<T>& v) {
  std::uint32_t n = d.count();
  v.clear();
  v.reserve(n);
  for (std::uint32_t i = 0; i < n && d.ok; ++i) xfer(d, v.emplace_back());
}

template <class C, class R>
void io_forloeb(C& c, R& f) {
  xfer(c, f.file);
  xfer(c, f.stem);
  xfer(c, f.id);
  xfer(c, f.worker);
  xfer(c, f.subgroup);
  xfer(c, f.contact);
  xfer(c, f.start);
  xfer(c, f.move_in);
  xfer(c, f.checklist);
  xfer(c, f.documentation);
  xfer(c, f.peer);
  xfer(c, f.contacts);
  xfer(c, f.has_contact_log);
  xfer(c, f.focus);
  xfer(c, f.goals);
  xfer(c, f.goals_pos);
  xfer(c, f.anchored_role);
  xfer(c, f.ending);
  xfer(c, f.notes);
  xfer(c, f.dates_unreadable);
}

}  // namespace

std::string encode_case(const Forloeb& record, const Diagnostics& diags) {
  Encoder e;
  io_forloeb(e, record);
  xfer(e, diags);
  return std::move(e.out);
}

bool decode_case(std::string_view bytes, Forloeb& record, Diagnostics& diags) {
  Decoder d(bytes);
  io_forloeb(d, record);
  xfer(d, diags);
  return d.done();
}

std::optional<CachedCase> decode_case(std::string_view bytes) {
  CachedCase c;
  if (!decode_case(bytes, c.record, c.diags)) return std::nullopt;
  return c;
}

}  // namespace cti
