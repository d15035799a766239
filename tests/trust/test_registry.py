"""The rule registry (base/rule_registry.cpp) is the one table of rules: every rule
`cti validate --list-rules` prints is documented in cti-validate(1) under RULES with
its severity, in both languages, and the man page documents no rule the tool lacks.
Every rule the code emits is registered: make_diag() asserts it in the test builds.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e import CTI, ROOT, check, failures  # noqa: E402


def list_rules(lang):
    p = subprocess.run([CTI, "--lang", lang, "validate", "--list-rules"], capture_output=True, cwd="/",
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    check(f"--list-rules ({lang}) exits 0", p.returncode == 0, p.stderr.decode())
    out = {}
    for line in p.stdout.decode().splitlines():
        name, severity, text = line.split(None, 2)
        out[name] = (severity, text)
    return out


en, da = list_rules("en"), list_rules("da")
check("the same rules in both languages", list(en) == list(da), (list(en), list(da)))
check("rule names are unique kebab-case", all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in en), list(en))
for name in en:
    check(f"{name}: an English and a Danish text", en[name][1] and da[name][1] and en[name][1] != da[name][1],
          (en[name], da[name]))
    check(f"{name}: severity error or warning", en[name][0] in ("error", "warning"), en[name])

with open(os.path.join(ROOT, "man", "cti-validate.1"), encoding="utf-8") as f:
    page = f.read()
rules_section = page[page.index(".SH RULES"):]
rules_section = rules_section[:rules_section.find("\n.SH ", 1) if "\n.SH " in rules_section[1:] else None]
# A rule is a tagged paragraph: ".TP" then ".B name" or '.BR name " (warning)"'.
documented = {m.replace("\\-", "-")
              for m in re.findall(r"^\.TP\n\.BR? ([a-z0-9\\-]+)(?: \" \(warning\)\")?\s*$", rules_section, re.M)}
for name in en:
    check(f"{name} is documented in cti-validate(1)", name in documented, name)
for name in sorted(documented - set(en)):
    check(f"cti-validate(1) documents '{name}', which --list-rules lacks", False, name)
for name, (severity, _) in en.items():
    if severity == "warning":
        tag = ".BR " + name.replace("-", "\\-") + ' " (warning)"'
        check(f"{name}: the man page says it is a warning", tag in rules_section, name)

sys.exit(1 if failures else 0)
