// The process's heap: cti asks glibc for transparent huge pages before it allocates.
// A command touches tens of megabytes once (10,000 records); with 4 KiB pages each
// first touch is a page fault, and on a virtual machine those faults were half the
// run time of a warm `cti status`. glibc reads its malloc tunables only at start-up,
// so cti starts itself again, once, with them set (README, "Figures").
#pragma once

namespace cti {

// When GLIBC_TUNABLES names no glibc.malloc setting of the user's own, and not in a
// sanitizer build: executes this program again with argv and huge pages asked for.
// Returns (and cti runs as it is) when that cannot be done. In the restarted program it
// puts GLIBC_TUNABLES back as the user had it, for the programs cti starts.
void prefer_huge_pages(char** argv);

}  // namespace cti
