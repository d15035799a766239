"""Shared by the end-to-end tests: where the sources and the built binary are, and a
check() that records failures instead of stopping at the first.

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
    from e2e import ROOT, CTI, check, failures
"""

import os

ROOT = os.environ.get("CTI_SOURCE_DIR") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CTI = os.path.abspath(os.environ.get("CTI") or os.path.join(ROOT, "build", "cti"))

failures = []


def check(label, ok, detail=""):
    if ok:
        print(f"ok: {label}")
    else:
        failures.append(label)
        print(f"FAIL: {label}\n{detail}")


def read_terminal(master, proc, timeout=30):
    """Everything a process wrote to the pseudo-terminal `master` until it closed
    (or `timeout` seconds of silence); waits for the process and closes `master`."""
    import select
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=timeout)
    os.close(master)
    return out
