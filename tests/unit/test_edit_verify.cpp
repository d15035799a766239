// edit/verify, the safety net under every byte edit: an edit that would not read back as
// intended is refused; bad input never throws, and an edit that goes through leaves a file
// the editor (and yaml-cpp) can still read: every prefix of a rich file and every one-byte
// change of it, through every edit.
#include <doctest/doctest.h>

#include <string>

#include "base/lang.hpp"
#include "builders.hpp"
#include "edit/document.hpp"
#include "edit/edit.hpp"

namespace cti::test::edit_verify {

const std::string kRich =
    "\xEF\xBB\xBF# header\r\n"
    "id: K-0001\r\n"
    "kontakt: 2026-05-04   # c\r\n"
    "opstart: '2026-06-01'\r\n"
    "tjekliste:\r\n"
    "  orienteret: 2026-05-04\r\n"
    "  # inside\r\n"
    "  jobcenter: ikke relevant\r\n"
    "dokumentation:\r\n"
    "  fase2: 2026-09-01\r\n"
    "kontakter:\r\n"
    "- {dato: 2026-05-05, med: borger, sted: hjemme}\r\n"
    "- dato: 2026-06-05\r\n"
    "  med: netværk\r\n"
    "afslutning:\r\n"
    "  status: afbrudt\r\n"
    "  årsag: \"x # y\"\r\n"
    "noter: |\r\n"
    "  tekst\r\n"
    "  # mere\r\n";

int run_all(const std::string& bytes) {
  const Date d = D("2026-10-01");
  const std::vector<std::string> order = {"kontakt-etableret", "orienteret", "økonomi", "jobcenter"};
  std::vector<edit::Result> results;
  results.push_back(edit::set_checklist_item(bytes, "økonomi", "2026-10-01", order, false));
  results.push_back(edit::set_checklist_item(bytes, "orienteret", "ikke relevant", order, true));
  results.push_back(edit::set_documentation(bytes, DocPoint::opstart, d, false));
  results.push_back(edit::set_start(bytes, d, true));
  results.push_back(edit::set_ending(bytes, {d, "gennemført", std::string("a\nb")}, true));
  results.push_back(edit::add_contact(bytes, {d, "andet", "video", "aflyst"}, false));
  int edited = 0;
  for (const auto& r : results) {
    const auto* e = std::get_if<edit::Edited>(&r);
    if (!e || !e->changed) continue;
    ++edited;
    auto again = edit::open_document(e->bytes);
    if (auto* why = std::get_if<std::string>(&again))
      FAIL_CHECK("unreadable after an edit: " << *why << "\n" << e->bytes);
  }
  return edited;
}

TEST_CASE("an edit that would not read back as intended is refused, not written") {
  i18n::set_lang(Lang::en);
  // "kontakt" on its own line continues the value of id (a plain scalar over two lines).
  CHECK(refused(edit::set_start("id: K-0001\nkontakt", D("2025-02-01"), false))
            .find("cti cannot place the new line safely") == 0);
}

TEST_CASE("every prefix and every one-byte change: no exception, an edited file stays readable") {
  i18n::set_lang(Lang::en);
  CHECK(run_all(kRich) == 6);
  int edited = 0;
  for (std::size_t n = 0; n <= kRich.size(); ++n) edited += run_all(kRich.substr(0, n));
  for (std::size_t i = 0; i < kRich.size(); ++i)
    for (char c : {' ', '\n', ':', '-', '#', '{', '"', '&', '\t', 'x'}) {
      std::string s = kRich;
      s[i] = c;
      edited += run_all(s);
    }
  CHECK(edited > 1000);  // most variants are still edited, not refused wholesale
}

}  // namespace cti::test::edit_verify
