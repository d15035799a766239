"""Nothing hidden, nothing doubled (SPEC 2, 3, 5): a small repository with every way a
forløb used to vanish or double (a copied file, a duplicate id, an unknown worker, one
broken date, ended but owing, a subfolder, a .yml file, a dangling symlink, the planned
end day), run through every view. Each forløb file appears exactly once, or is named
with the reason it is not; the counts add up across commands.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import CTI, check, failures  # noqa: E402

TODAY = "2026-11-23"

CONFIG = """projekt: Tillidstest
id_præfiks: K-
delmålgrupper: [egen-kommune, anden-kommune]
medarbejdere:
  - id: mette
    navn: Mette Prøve
  - id: jonas
    navn: Jonas Prøve
    årsværk: 0.5
"""


def case(ident, worker="mette", start="2026-09-01", extra=""):
    return f"id: {ident}\nmedarbejder: {worker}\ndelmålgruppe: egen-kommune\nopstart: {start}\n{extra}"


ALL_CLOSING = ("tjekliste:\n  netværk-etableret: 2026-05-01\n  overdragelsesmøder: 2026-04-01\n"
               "  overdragelsesplan: 2026-05-01\n  ansvar-forankret: 2026-05-01\n"
               "dokumentation:\n  afslutning: 2026-05-01\n"
               "afslutning:\n  dato: 2026-05-01\n  status: gennemført\n")

FILES = {
    # valid, running
    "forloeb/K-0001.yaml": case("K-0001"),
    # archived in a subfolder, ended gennemført with all its closing work: off the default board
    "forloeb/afsluttede/K-0002.yaml": case("K-0002", start="2025-08-01", extra=ALL_CLOSING),
    # K-0004 three times: the file, a copy, and another file with the same id
    "forloeb/K-0004.yaml": case("K-0004", worker="jonas"),
    "forloeb/K-0004 (kopi).yaml": case("K-0004", worker="jonas"),
    "forloeb/K-0016.yaml": case("K-0004", worker="jonas"),
    # an unknown worker
    "forloeb/K-0005.yaml": case("K-0005", worker="ukendt"),
    # one small mistake: a Danish date in the checklist
    "forloeb/K-0006.yaml": case("K-0006", extra="tjekliste:\n  økonomi: 03-09-2026\n"),
    # ended early (afbrudt) and still owing its closing documentation
    "forloeb/K-0007.yaml": case("K-0007", extra="afslutning:\n  dato: 2026-10-01\n  status: afbrudt\n"),
    # a .yml file: not read as a forløb, but named
    "forloeb/K-0008.yml": case("K-0008"),
    # the planned end day: m(2026-02-23, 9) = 2026-11-23 = today
    "forloeb/K-0010.yaml": case("K-0010", start="2026-02-23"),
    # an opstart that is no date: its plan cannot be read
    "forloeb/K-0011.yaml": case("K-0011", start="2026-02-30"),
}
CASE_FILES = sorted(p for p in FILES if p.endswith(".yaml"))
WITH_ERRORS = {"forloeb/K-0004.yaml", "forloeb/K-0004 (kopi).yaml", "forloeb/K-0016.yaml",
               "forloeb/K-0005.yaml", "forloeb/K-0006.yaml", "forloeb/K-0011.yaml"}


def make_repo(tmp):
    repo = os.path.join(tmp, "repo")
    os.makedirs(os.path.join(repo, "forloeb", "afsluttede"))
    with open(os.path.join(repo, "cti.yaml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    for path, text in FILES.items():
        with open(os.path.join(repo, path), "w", encoding="utf-8") as f:
            f.write(text)
    os.symlink("K-0099.yaml", os.path.join(repo, "forloeb", "K-0009.yaml"))  # dangling
    with open(os.path.join(repo, "forloeb", ".gitkeep"), "w"):
        pass
    return repo


def run(repo, *args, today=TODAY):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", NO_COLOR="1")
    env.pop("CTI_TODAY", None)
    p = subprocess.run([CTI, "-C", repo, "--today", today, "--lang", "en", *args], capture_output=True, env=env, cwd=repo,
                       stdin=subprocess.DEVNULL, timeout=60)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


tmp = tempfile.mkdtemp(prefix="cti-trust-")
try:
    repo = make_repo(tmp)

    # --- validate: every entry of the tree is accounted for --------------------------------
    rc, out, err = run(repo, "validate", "--format", "json")
    diags = json.loads(out)["diagnostics"]
    rules_by_file = {}
    for d in diags:
        rules_by_file.setdefault(d["file"], set()).add(d["rule"])
    check("validate exits 1", rc == 1, err)
    check("duplicate id on each of the three files",
          all("duplicate-id" in rules_by_file.get(f, ()) for f in
              ("forloeb/K-0004.yaml", "forloeb/K-0004 (kopi).yaml", "forloeb/K-0016.yaml")), rules_by_file)
    check("the .yml file is named", "file-name" in rules_by_file.get("forloeb/K-0008.yml", ()), rules_by_file)
    check("the dangling symlink is named", "broken-link" in rules_by_file.get("forloeb/K-0009.yaml", ()),
          rules_by_file)
    check(".gitkeep is not", "forloeb/.gitkeep" not in rules_by_file, rules_by_file)
    check("the subfolder is read", "forloeb/afsluttede/K-0002.yaml" not in rules_by_file
          and "past-planned-end" not in rules_by_file.get("forloeb/K-0010.yaml", set()), rules_by_file)
    check("errors exactly where expected",
          {f for f, r in rules_by_file.items() if f in CASE_FILES and any(
              d["severity"] == "error" for d in diags if d["file"] == f)} == WITH_ERRORS, rules_by_file)

    # --- status: every case file once; the counts --------------------------------------------
    rc, out, err = run(repo, "status", "--format", "json")
    st = json.loads(out)
    files = [f["file"] for f in st["forloeb"]]
    check("status json: no file twice", len(files) == len(set(files)), files)
    on_board = set(CASE_FILES) - {"forloeb/afsluttede/K-0002.yaml"}
    check("status json: every file on the board once, the archived one off", set(files) == on_board, files)
    check("status json: invalid counts the files with errors", st["invalid"] == len(WITH_ERRORS), st["invalid"])
    for f in st["forloeb"]:
        check(f"status json: errors of {f['file']}", bool(f["errors"]) == (f["file"] in WITH_ERRORS), f["errors"])
    k7 = [f for f in st["forloeb"] if f["id"] == "K-0007"][0]
    check("ended but owing: on the board", k7["phase"] == "afsluttet" and "afslutning" in k7["documentation_overdue"],
          k7)
    k10 = [f for f in st["forloeb"] if f["id"] == "K-0010"][0]
    check("planned end day: fase3, afslutning today", k10["phase"] == "fase3" and k10["next"]["days"] == 0, k10)
    k11 = [f for f in st["forloeb"] if f["id"] == "K-0011"][0]
    check("unreadable dates: phase null, error named", k11["phase"] is None and k11["errors"][0]["rule"] ==
          "invalid-date", k11)
    rc, out, err = run(repo, "status", "--format", "json", "--all")
    check("--all adds the archived forløb", sorted(f["file"] for f in json.loads(out)["forloeb"]) == CASE_FILES, out)
    rc, out, err = run(repo, "status", "--format", "json", today="2026-11-24")
    k10 = [f for f in json.loads(out)["forloeb"] if f["id"] == "K-0010"][0]
    check("the day after the planned end: overskredet", k10["phase"] == "overskredet", k10)

    rc, table, err = run(repo, "status")
    rows = [line for line in table.splitlines() if line.startswith("K-")]
    check("status table: one row per file on the board", len(rows) == len(on_board), table)
    check("status table: K-0004 three times, each marked duplicate-id",
          len([r for r in rows if r.startswith("K-0004 ")]) == 3
          and all("error [duplicate-id]" in r for r in rows if r.startswith("K-0004 ")), table)
    check("status table: K-0006 marked with its broken date", any(
        r.startswith("K-0006 ") and "error [invalid-date]: cti validate forloeb/K-0006.yaml" in r for r in rows), table)
    check("status table: the unknown worker has its line", "(unknown worker):" in table, table)
    check("status: the stray entries are named on stderr",
          "forloeb/K-0008.yml has errors" in err and "forloeb/K-0009.yaml has errors" in err, err)
    rc, _, _ = run(repo, "status", "--check")
    check("status --check exits 1 with files in error", rc == 1, rc)

    # Worker counts: status rows, status summaries and caseload agree.
    active = {}
    contact = {}
    for f in st["forloeb"]:
        if f["phase"] in ("fase1", "fase2", "fase3", "overskredet"):
            active[f["worker"]] = active.get(f["worker"], 0) + 1
        if f["phase"] == "kontakt":
            contact[f["worker"]] = contact.get(f["worker"], 0) + 1
    check("status summary: mette's active forløb", f"mette:            {active['mette']} active" in table
          or f"mette:  {active['mette']} active" in table or f" {active['mette']} active" in
          [line for line in table.splitlines() if line.startswith("mette:")][0], table)
    rc, out, err = run(repo, "caseload", "--format", "json")
    cl = json.loads(out)
    for w in cl["workers"]:
        check(f"caseload active of {w['id']} equals status", w["now"]["active"] == active.get(w["id"], 0),
              (w["id"], w["now"], active))
    check("caseload: the same invalid count as status", cl["invalid"] == st["invalid"], cl["invalid"])
    check("caseload: the unreadable file named", cl["unreadable"] == ["forloeb/K-0011.yaml"], cl["unreadable"])
    check("caseload: K-0011 named on stderr", "forloeb/K-0011.yaml: the dates cannot be read" in err, err)
    check("caseload: the team's active forløb add up",
          cl["team"]["now"]["active"] == sum(active.values()), (cl["team"]["now"], active))

    rc, out, err = run(repo, "fidelity", "--format", "json")
    fi = json.loads(out)
    check("fidelity: the same invalid count", fi["invalid"] == st["invalid"], fi.get("invalid"))
    check("fidelity: the unreadable file named", fi["unreadable"] == ["forloeb/K-0011.yaml"], fi.get("unreadable"))

    rc, ics, err = run(repo, "calendar")
    for ident in ("K-0001", "K-0004", "K-0005", "K-0006", "K-0010"):
        check(f"calendar: {ident} has its events", f"SUMMARY:{ident}" in ics or f"{ident} " in ics, ident)
    check("calendar: the unreadable file named", "forloeb/K-0011.yaml" in err, err)

    rc, out, err = run(repo, "report", "--quarter", "2026-Q3", "--pseudonym")
    lines = out.splitlines()[1:]
    ids = [line.split(";")[0] for line in lines]
    check("report --pseudonym: K-0001 once, K-0004 once per file",
          ids.count("K-0001") == 1 and ids.count("K-0004") == 3 and len(ids) == 8, out)
    check("report --pseudonym: errors named, exit 1", rc == 1 and "[duplicate-id]" in err, err)
    rc, out, err = run(repo, "report", "--quarter", "2026-Q2", "--pseudonym")
    ids = [line.split(";")[0] for line in out.splitlines()[1:]]
    check("report --pseudonym: the archived K-0002 in its quarter", ids == ["K-0002", "K-0010"], out)
    # Errors in forløb outside the quarter are counted in a note; files that may belong in
    # it (the .yml file, the dangling link, the unreadable K-0011) are named and stop it.
    check("report: errors outside the quarter counted, the rest named",
          rc == 1 and "5 forløb outside 2026-Q2 have errors" in err and "[file-name]" in err
          and "[broken-link]" in err and "forloeb/K-0011.yaml:4:10" in err, err)

    # show: a file with errors shows its diagnostics and the timeline; files sharing an id both.
    rc, out, err = run(repo, "show", "K-0006")
    check("show: diagnostics on top, then the timeline", rc == 0 and out.startswith("forloeb/K-0006.yaml:") and
          "opstart (fase1)" in out, out + err)
    rc, out, err = run(repo, "show", "K-0004")
    check("show: each file of a duplicated id", rc == 0 and out.count("File: forloeb/K-0004") == 2 and
          "File: forloeb/K-0016.yaml" in out, out + err)
    rc, out, err = run(repo, "show", "K-0011")
    check("show: refuses only unreadable dates", rc == 2 and "the dates cannot be read" in err, out + err)
finally:
    shutil.rmtree(tmp) if not os.environ.get("KEEP") else print(tmp)

sys.exit(1 if failures else 0)
