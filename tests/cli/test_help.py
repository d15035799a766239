"""`cti --help` and `cti X --help` in the repository's language: the pages are the
goldens of the help unit test (tests/unit/golden/help/<lang>/, one per command of the
command table, hook.install.txt for `cti hook install`), and here the binary prints
them: Danish from cti.yaml sprog, from --lang da and from the locale; English from
--lang en over a Danish repository."""

import os

from conftest import ROOT, run_cti

PAGES = os.path.join(ROOT, "tests", "unit", "golden", "help")


def pages(lang):
    for name in sorted(os.listdir(os.path.join(PAGES, lang))):
        words = [] if name == "cti.txt" else name[:-len(".txt")].split(".")
        with open(os.path.join(PAGES, lang, name), encoding="utf-8") as f:
            yield words, f.read()


def test_every_page_in_both_languages(tmp_path):
    (tmp_path / "cti.yaml").write_text("sprog: da\n", encoding="utf-8")
    da = list(pages("da"))
    assert len(da) > 20 and len(da) == len(list(pages("en")))
    for words, page in da:
        r = run_cti(*words, "--help", cwd=tmp_path, lang=None)  # cti.yaml says sprog: da
        assert (r.rc, r.text, r.err) == (0, page, ""), words
    for words, page in pages("en"):
        r = run_cti("--lang", "en", *words, "--help", cwd=tmp_path, lang=None)
        assert (r.rc, r.text, r.err) == (0, page, ""), words


def test_language_from_lang_option_locale_and_help_command(tmp_path):
    da = dict((tuple(w), p) for w, p in pages("da"))
    en = dict((tuple(w), p) for w, p in pages("en"))
    assert run_cti("--lang", "da", "--help", cwd=tmp_path, lang=None).text == da[()]
    assert run_cti("agenda", "--help", cwd=tmp_path, lang=None, env={"LC_ALL": "da_DK.UTF-8"}).text == da[("agenda",)]
    assert run_cti("help", "hook", "install", cwd=tmp_path, lang=None).text == en[("hook", "install")]
    assert run_cti("-C", str(tmp_path / "nowhere"), "--help", cwd=tmp_path, lang=None).text == en[()]
