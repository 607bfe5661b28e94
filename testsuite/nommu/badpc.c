/* A process that jumps to an address it does not own must cost only the
   process a signal, never the kernel.  Without an MMU the kernel reads
   the code around the faulting pc for its log (dump_instr), and a plain
   load at such an address is an access fault in the kernel.
     badpc zero     pc = 0x10, where -M virt has nothing
     badpc high     pc = 0x100000000, beyond the machine's memory
     badpc kernel   pc = 0x80000000, the kernel's first instruction: it
                    runs in user mode and traps on its first CSR access
   zero and high must end in SIGSEGV, kernel in SIGILL; the nommu suite
   checks the status and that the kernel did not oops.  */
#include <stdio.h>
#include <string.h>

int
main (int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "";
  unsigned long pc;
  if (strcmp (mode, "zero") == 0)
    pc = 0x10;
  else if (strcmp (mode, "high") == 0)
    pc = 0x100000000UL;
  else if (strcmp (mode, "kernel") == 0)
    pc = 0x80000000UL;
  else
    return 2;
  fflush (stdout);
  __asm__ volatile ("jr %0" : : "r" (pc) : "memory");
  printf ("badpc %s: still running\n", mode);
  return 0;
}
