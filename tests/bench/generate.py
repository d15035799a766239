#!/usr/bin/python3
"""Generate a synthetic, valid `cti` team repository for benchmarks.

    /usr/bin/python3 tests/bench/generate.py --count N --seed S --out DIR
        [--today YYYY-MM-DD] [--git] [--force]

Writes DIR/cti.yaml, DIR/forloeb/<id>.yaml (one per forløb), DIR/.gitignore
and DIR/cpr.yaml (made-up, date-valid CPR keys, distinct per id).  The output
is a pure function of (count, seed, today): the same arguments give
byte-identical files.

Every forløb is meant to pass `cti validate` (warnings aside: some forløb are
past their planned end with no afslutning, as in a real team):
  * all dates are real calendar dates and <= --today;
  * kontakt <= opstart <= afslutning.dato, and no tjekliste, dokumentation or
    peer_støtte date is before kontakt (or after afslutning.dato / today);
  * only the built-in checklist item ids of SPEC section 4 are used;
  * indflytning is on or after opstart, so the move-in rule
    (indflytning_tidligst_måneder: 1) always holds;
  * no digit ever appears in free text, so no CPR-like number (ten digits,
    DDMMYY-SSSS) can appear in a forløb file.

Standard library only; plain file IO (no YAML library), fast enough for
100,000 files.  --git makes DIR a git repository with everything but cpr.yaml
committed (for `cti validate --staged` benchmarks).
"""

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys

# SPEC section 4: point -> item ids, in order.
CHECKLIST = {
    "kontakt": ["kontakt-etableret", "orienteret", "kontaktaftale"],
    "fase2": ["økonomi", "afdækning", "langsigtet-plan", "netværk-påbegyndt",
              "koordinering", "møder-aftaler", "lokale-tilbud", "jobcenter"],
    "fase3": ["evaluering", "planændringer"],
    # overdragelsesmøder is due at m(opstart, 8), the others at m(opstart, 9)
    "afslutning": ["netværk-etableret", "overdragelsesmøder", "overdragelsesplan",
                   "ansvar-forankret"],
}
# Items that a team often marks "ikke relevant", with the probability.
NOT_RELEVANT = {"jobcenter": 0.40, "lokale-tilbud": 0.05, "økonomi": 0.04,
                "koordinering": 0.03, "netværk-etableret": 0.03}

FIRST_NAMES = ["Mette", "Jonas", "Sofie", "Lars", "Anne", "Mikkel", "Camilla",
               "Søren", "Louise", "Rasmus", "Ida", "Frederik", "Maja", "Jens",
               "Line", "Anders", "Signe", "Mads", "Julie", "Peter", "Karen",
               "Thomas", "Hanne", "Niels", "Birgitte", "Kasper", "Astrid",
               "Morten", "Trine", "Bjørn"]
LAST_NAMES = ["Hansen", "Berg", "Nielsen", "Jensen", "Pedersen", "Andersen",
              "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen",
              "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
              "Møller", "Poulsen", "Frederiksen", "Lund", "Holm", "Kjær",
              "Dahl", "Bech", "Skov", "Østergaard", "Lauridsen", "Bjerre"]

NOTE_LINES = [
    "Borgeren er glad for den nye bolig og har fået ordnet el og internet.",
    "Aftalt ugentlige møder i starten, gerne hjemme hos borgeren.",
    "Borgeren ønsker hjælp til at få styr på økonomien og regningerne.",
    "Kontakt til egen læge er genoptaget; borgeren vil gerne have støtte til det.",
    "Netværket består især af en søster og en tidligere kollega.",
    "Borgeren har svært ved at komme ud af lejligheden i perioder.",
    "Vi har sammen besøgt det lokale værested, som borgeren vil prøve igen.",
    "Sagsbehandler i kommunen er orienteret om planen.",
    "Borgeren er startet på et aftenkursus og er glad for det.",
    "Der er aftalt møde med jobcentret om en koordineret plan.",
    "Borgeren har fået en kontaktperson i boligselskabet.",
    "Udfordringer med søvn; borgeren vil tale med lægen om det.",
    "Borgeren vil gerne have en peer-støtte med egne erfaringer fra krisecenter.",
    "God dialog om hvem der kan tage over, når forløbet slutter.",
    "Borgeren har aflyst de seneste to møder; vi prøver igen over telefon.",
    "Husleje og boligstøtte er nu på plads.",
    "Borgeren går til gymnastik i den lokale forening hver uge.",
    "Vi har sammen lavet en liste over vigtige telefonnumre til netværket.",
    "Børnene er faldet godt til i den nye skole.",
    "Borgeren er usikker på fremtiden, men har fået mere ro på.",
    "Misbrugsbehandlingen er aftalt og borgeren møder stabilt op.",
    "Overdragelsesmøde med borgerens søster og sagsbehandler er planlagt.",
]

ABORT_REASONS = [
    "Borgeren ønskede ikke at fortsætte forløbet",
    "Mistet kontakt til borgeren",
    "Borgeren er indlagt i længere tid",
    "Borgeren er flyttet tilbage på krisecenter",
    "Borgeren har fået anden støtte via kommunen",
]
HANDOVER_REASONS = [
    "Flyttet til anden kommune uden for projektet",
    "Flyttet til familie i en anden kommune",
    "Overdraget til CTI-team i tilflytningskommunen",
]


def add_months(d, n):
    """m(d, n) of SPEC section 3: keep day of month, clamp to month end."""
    y, mo = divmod(d.month - 1 + n, 12)
    y += d.year
    mo += 1
    if mo == 12:
        last = 31
    else:
        last = (dt.date(y, mo + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, mo, min(d.day, last))


def clamp(d, lo, hi):
    return lo if d < lo else hi if d > hi else d


def make_cpr(rng, used):
    """A made-up DDMMYY-SSSS with a real date under SPEC section 7's century rule."""
    lo = dt.date(1945, 1, 1).toordinal()
    hi = dt.date(2007, 12, 31).toordinal()
    while True:
        born = dt.date.fromordinal(rng.randint(lo, hi))
        yy = born.year % 100
        if born.year < 2000:
            digit7 = rng.randint(0, 3)          # 0-3 -> 19YY
        else:
            digit7 = rng.randint(4, 9)          # 4-9 -> 20YY for YY 00-36
        serial = "%d%03d" % (digit7, rng.randint(0, 999))
        cpr = "%02d%02d%02d-%s" % (born.day, born.month, yy, serial)
        if cpr not in used:
            used.add(cpr)
            return cpr


GOAL_AREAS = ["bolig", "økonomi", "psykisk-helbred", "fysisk-helbred", "netværk", "daglige-aktiviteter",
              "uddannelse-og-arbejde"]


def worker_code(i):
    """A unique 1-4 capital-letter code for the i-th worker: A..Z, then AA.., AAA.."""
    width, first = 1, 0
    while i >= first + 26 ** width:
        first += 26 ** width
        width += 1
    n, code = i - first, ""
    for _ in range(width):
        n, r = divmod(n, 26)
        code = chr(ord("A") + r) + code
    return code


def gen_forloeb(rng, fid, workers, today):
    """Return the YAML text of one forløb."""
    iso = dt.date.isoformat
    day = dt.timedelta(days=1)
    lines = ["id: %s" % fid,
             "medarbejder: %s" % rng.choice(workers),
             "delmålgruppe: %s" % ("anden-kommune" if rng.random() < 0.25 else "egen-kommune")]

    tjek = []          # (item, value) in order
    dok = []           # (point, date)
    end = None         # (date, status, reason)
    opstart = None
    indflytning = None
    peer = None

    if rng.random() < 0.06:
        # Still in the contact period: kontakt within the last three months.
        kontakt = today - rng.randint(0, 90) * day
        d = kontakt
        for item in CHECKLIST["kontakt"]:
            if rng.random() < 0.55 and d <= today:
                tjek.append((item, iso(d)))
                d = d + rng.randint(0, 10) * day
            else:
                break
        lines.append("kontakt: %s" % iso(kontakt))
    else:
        opstart = today - rng.randint(0, 3 * 365) * day
        kontakt = opstart - rng.randint(3, 45) * day if rng.random() < 0.93 else None
        m3, m6, m8, m9 = (add_months(opstart, k) for k in (3, 6, 8, 9))

        # How did (or will) it end?
        if m9 <= today:
            r = rng.random()
            if r < 0.60:
                end = (clamp(m9 + rng.randint(-14, 14) * day, opstart, today), "gennemført",
                       None)
            elif r < 0.78:
                end = (opstart + rng.randint(14, (m9 - opstart).days) * day, "afbrudt",
                       rng.choice(ABORT_REASONS))
            elif r < 0.88:
                end = (opstart + rng.randint(14, (m9 - opstart).days) * day, "flyttet",
                       rng.choice(HANDOVER_REASONS))
            # else: past planned end with no afslutning (a warning, as in real life)
        elif (today - opstart).days >= 14 and rng.random() < 0.12:
            status = "afbrudt" if rng.random() < 0.65 else "flyttet"
            reasons = ABORT_REASONS if status == "afbrudt" else HANDOVER_REASONS
            end = (opstart + rng.randint(14, (today - opstart).days) * day, status,
                   rng.choice(reasons))

        hi = end[0] if end else today           # nothing is recorded after this day
        lo = kontakt if kontakt else opstart
        completed = end is not None and end[1] == "gennemført"
        early = end is not None and not completed
        missing = 0.06 if (end or m9 <= today) else 0.15

        # Contact-period checklist: between kontakt and opstart.
        base = kontakt if kontakt else opstart - rng.randint(3, 30) * day
        d = base
        for item in CHECKLIST["kontakt"]:
            if rng.random() < missing:
                continue
            d = clamp(d + rng.randint(0, 7) * day, base, opstart)
            tjek.append((item, iso(d)))

        def record(point_due, items):
            for item in items:
                due = m8 if item == "overdragelsesmøder" else point_due
                if due > hi and not (completed and point_due == m9):
                    continue        # not due yet, or no longer due (ended early)
                if rng.random() < missing:
                    continue
                p = NOT_RELEVANT.get(item, 0.0)
                if p and rng.random() < p:
                    tjek.append((item, "ikke relevant"))
                else:
                    tjek.append((item, iso(clamp(due + rng.randint(-21, 7) * day, opstart, hi))))

        record(m3, CHECKLIST["fase2"])
        record(m6, CHECKLIST["fase3"])
        record(m9, CHECKLIST["afslutning"])

        for point, due in (("opstart", opstart), ("fase2", m3), ("fase3", m6)):
            if due <= hi and rng.random() >= missing / 2:
                dok.append((point, iso(clamp(due + rng.randint(-3, 10) * day, opstart, hi))))
        if end and rng.random() >= 0.04:
            dok.append(("afslutning", iso(clamp(end[0] - rng.randint(0, 5) * day, opstart, hi))))

        if rng.random() < 0.35 and hi >= opstart:
            peer = (opstart + rng.randint(0, min(60, (hi - opstart).days)) * day,
                    "ja" if rng.random() < 0.6 else "nej")

        if rng.random() < 0.4:
            d = opstart + rng.randint(0, 28) * day
            if d <= today:
                indflytning = d

        if kontakt:
            lines.append("kontakt: %s" % iso(kontakt))
        lines.append("opstart: %s" % iso(opstart))
        if indflytning:
            lines.append("indflytning: %s" % iso(indflytning))

    if tjek:
        lines.append("tjekliste:")
        lines.extend("  %s: %s" % kv for kv in tjek)
    if dok:
        lines.append("dokumentation:")
        lines.extend("  %s: %s" % kv for kv in dok)
    if any(item == "langsigtet-plan" and value != "ikke relevant" for item, value in tjek):
        # A recorded long-term plan names its 2-3 goals (by area only), as the method asks.
        lines.append("mål:")
        lines.extend("  - {område: %s}" % a for a in rng.sample(GOAL_AREAS, rng.randint(2, 3)))
    if peer:
        lines.append("peer_støtte:")
        lines.append("  tilbudt: %s" % iso(peer[0]))
        lines.append("  ønsket: %s" % peer[1])
    if end:
        lines.append("afslutning:")
        lines.append("  dato: %s" % iso(end[0]))
        lines.append("  status: %s" % end[1])
        if end[2]:
            lines.append('  årsag: "%s"' % end[2])
    lines.append("noter: |")
    lines.extend("  " + s for s in rng.sample(NOTE_LINES, rng.randint(2, 4)))
    return "\n".join(lines) + "\n"


def git(out, *args):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
                    "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
                    "-c", "core.hooksPath=/dev/null", *args],
                   cwd=out, check=True, stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of forløb files")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--workers", type=int, default=0,
                    help="number of medarbejdere (default count/10, at least 3)")
    ap.add_argument("--out", required=True, help="output directory (must not exist or be empty)")
    ap.add_argument("--today", default="2026-11-23",
                    help="reference day; every date is on or before it (default 2026-11-23)")
    ap.add_argument("--git", action="store_true",
                    help="git init DIR and commit everything except cpr.yaml")
    ap.add_argument("--force", action="store_true",
                    help="allow a non-empty DIR that holds an earlier generated repository")
    a = ap.parse_args()
    if a.count < 1:
        ap.error("--count must be >= 1")
    today = dt.date.fromisoformat(a.today)
    out = a.out

    if os.path.isdir(out) and os.listdir(out):
        if not a.force or not os.path.exists(os.path.join(out, "cti.yaml")):
            sys.exit("generate.py: %s is not empty (use --force on an earlier generated repo)" % out)
        for sub in ("forloeb", ".git"):
            shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    os.makedirs(os.path.join(out, "forloeb"), exist_ok=True)

    rng = random.Random(a.seed)
    width = max(4, len(str(a.count)))
    ids = ["K-%0*d" % (width, i) for i in range(1, a.count + 1)]

    nworkers = a.workers if a.workers else max(3, a.count // 10)
    wwidth = max(3, len(str(nworkers)))
    workers = ["w%0*d" % (wwidth, i) for i in range(1, nworkers + 1)]
    cfg = ['# Synthetic benchmark team generated by tests/bench/generate.py; not real people.',
           'projekt: "CTI benchmark-team (syntetiske data)"',
           "id_præfiks: K-",
           "caseload_pr_årsværk: 10",
           "delmålgrupper: [egen-kommune, anden-kommune]",
           "indflytning_tidligst_måneder: 1",
           "medarbejdere:"]
    for i, w in enumerate(workers):
        cfg.append("  - id: %s" % w)
        cfg.append("    kode: %s" % worker_code(i))  # unique, as SPEC 2 requires
        cfg.append('    navn: "%s %s"' % (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)))
        cfg.append("    årsværk: %s" % ("0.5" if rng.random() < 0.25 else "1.0"))
    cfg.append("sprog: da")
    with open(os.path.join(out, "cti.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(cfg) + "\n")
    with open(os.path.join(out, ".gitignore"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# the CPR key file is never committed\ncpr.yaml\n")

    fdir = os.path.join(out, "forloeb")
    for fid in ids:
        text = gen_forloeb(rng, fid, workers, today)
        with open(os.path.join(fdir, fid + ".yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    crng = random.Random("cpr-%d" % a.seed)
    used = set()
    with open(os.path.join(out, "cpr.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# made-up CPR keys for benchmarking; never committed\n")
        f.write("".join('%s: "%s"\n' % (fid, make_cpr(crng, used)) for fid in ids))
    os.chmod(os.path.join(out, "cpr.yaml"), 0o600)

    if a.git:
        git(out, "init", "-q")
        git(out, "add", "-A")
        git(out, "commit", "-q", "-m", "synthetic benchmark repository")


if __name__ == "__main__":
    main()
