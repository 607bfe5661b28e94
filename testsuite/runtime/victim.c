/* libvictim.so: a small library with every kind of dynamic relocation,
   which corrupt-lib.py damages in the ways the dynamic linker must
   survive (testsuite/runtime/run.sh, "Malformed libraries").  */
#include <stdio.h>

static int counter;
int *victim_ptr = &counter;                   /* R_RISCV_RELATIVE */
int victim_fn (int x) { return x + 1; }
int (*victim_fp) (int) = victim_fn;           /* R_RISCV_FUNCDESC */
int victim_get (void) { return victim_fp (*victim_ptr + 41); }
int victim_say (const char *s) { return puts (s); }   /* a PLT slot */
