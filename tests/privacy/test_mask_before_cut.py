"""The output gate masks before anything is cut (SPEC 8), and id_præfiks can never make a
CPR-shaped id: a checklist text holding a (made-up, allowed) CPR-shaped number, shown by
agenda, show and status at every terminal width and in a pipe, never shows a run of its
digits; `cti new` refuses an id that would carry one.

    CTI=build/cti python3 -m pytest -c tests/pytest.ini tests/privacy/test_mask_before_cut.py
"""

import os
import re

from conftest import run_cti

NUMBER = "150385-4321"  # made up
DIGITS = re.compile(r"150385|[0-9]{6}-[0-9]|[0-9]{7,}")
ITEM = ("  tilføj:\n    fase2:\n      - id: journal-tjek\n        tekst: Tjek journal " + NUMBER
        + " i fagsystemet og opdater planen med borgeren hurtigst muligt\ncpr_tilladt:\n  - '" + NUMBER + "'\n")


def with_settings(demo, copy_tree, extra):
    repo = copy_tree(demo, "repo")
    path = os.path.join(repo, "cti.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(extra(text))
    return repo


def test_no_width_cuts_inside_a_number(demo, copy_tree):
    repo = with_settings(demo, copy_tree, lambda t: t.replace("tjeklister:\n  fjern: []\n",
                                                              "tjeklister:\n  fjern: []\n" + ITEM))
    r = run_cti("agenda", cwd=repo, today="2026-09-01")
    assert "Tjek journal XXXXXX-XXXX" in r.text, r  # the item is there, masked whole
    for width in [None] + list(range(40, 161, 5)):
        env = {"COLUMNS": str(width)} if width else None
        for args in (["agenda"], ["show", "4"], ["status"], ["agenda", "--lang", "da"]):
            r = run_cti(*args, cwd=repo, today="2026-09-01", env=env)
            assert not DIGITS.search(r.text + r.err), f"{args} at {width} columns shows digits\n{r!r}"


def test_id_praefiks_can_never_make_a_cpr_shaped_id(demo, copy_tree):
    for prefix in ("0202801234-", "150385-"):
        repo = with_settings(demo, copy_tree, lambda t: t.replace("id_præfiks: K-", f'id_præfiks: "{prefix}"'))
        r = run_cti("validate", cwd=repo, today="2026-09-01")
        assert r.rc == 1 and "[cpr-shaped-id]" in r.text, r
        r = run_cti("new", "--worker", "birte", cwd=repo, today="2026-09-01")
        assert r.rc != 0, r
        assert not [n for n in os.listdir(os.path.join(repo, "forloeb")) if n.startswith(prefix[:4])], \
            "a file was created"
        os.rename(repo, repo + f".{prefix[:4]}")
