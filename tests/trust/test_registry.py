"""The rule registry (base/rule_registry.cpp) is the one table of rules: every rule
`cti validate --list-rules` prints is documented in cti-validate(1) under RULES with
its severity, in both languages, and the man page documents no rule the tool lacks.
Every rule the code emits is registered: make_diag() asserts it in the test builds.
"""

import os
import re

import pytest
from conftest import ROOT, run_cti


def list_rules(lang):
    r = run_cti("validate", "--list-rules", lang=lang, cwd="/")
    assert r.rc == 0, f"--list-rules ({lang}): {r!r}"
    out = {}
    for line in r.text.splitlines():
        name, severity, text = line.split(None, 2)
        out[name] = (severity, text)
    return out


EN, DA = list_rules("en"), list_rules("da")


def rules_section():
    """The RULES section of man/cti-validate.1."""
    with open(os.path.join(ROOT, "man", "cti-validate.1"), encoding="utf-8") as f:
        page = f.read()
    section = page[page.index(".SH RULES"):]
    return section[:section.find("\n.SH ", 1) if "\n.SH " in section[1:] else None]


SECTION = rules_section()
# A rule is a tagged paragraph: ".TP" then ".B name" or '.BR name " (warning)"'.
DOCUMENTED = {m.replace("\\-", "-")
              for m in re.findall(r"^\.TP\n\.BR? ([a-z0-9\\-]+)(?: \" \(warning\)\")?\s*$", SECTION, re.M)}


def test_the_same_rules_in_both_languages():
    assert list(EN) == list(DA)


def test_rule_names_are_unique_kebab_case():
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in EN), list(EN)


@pytest.mark.parametrize("name", list(EN))
def test_each_rule(name):
    assert EN[name][1] and DA[name][1] and EN[name][1] != DA[name][1], \
        f"an English and a Danish text: {(EN[name], DA[name])}"
    assert EN[name][0] in ("error", "warning"), f"severity error or warning: {EN[name]}"
    assert name in DOCUMENTED, "documented in cti-validate(1)"
    if EN[name][0] == "warning":
        tag = ".BR " + name.replace("-", "\\-") + ' " (warning)"'
        assert tag in SECTION, "the man page says it is a warning"


def test_the_man_page_documents_no_rule_the_tool_lacks():
    assert sorted(DOCUMENTED - set(EN)) == [], "cti-validate(1) documents rules that --list-rules lacks"
