/* Mistakes that must cost only the process a SIGSEGV, never the kernel:
   without an MMU a bad user address that the kernel reads or writes is not
   caught by a page fault, so the kernel must check it first.
     badsig handler     a handler "function pointer" that is no descriptor
                        (0x10): the kernel reads the descriptor to enter it
     badsig kernel      the same with the address of the kernel's RAM
                        (0x80000000 on -M virt): readable, but not the
                        process's memory
     badsig stack       a signal arrives while sp is bad: the kernel writes
                        the signal frame there
     badsig sigreturn   rt_sigreturn with sp bad: the kernel reads the frame
   Each must end in SIGSEGV; the nommu suite checks the status and that the
   system still runs.  */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  struct sigaction sa;
  const char *mode = argc > 1 ? argv[1] : "";
  memset (&sa, 0, sizeof sa);
  if (strcmp (mode, "handler") == 0 || strcmp (mode, "kernel") == 0)
    {
      sa.sa_handler = (void (*) (int)) (mode[0] == 'h' ? 0x10UL : 0x80000000UL);
      sigaction (SIGUSR1, &sa, 0);
      raise (SIGUSR1);
    }
  else if (strcmp (mode, "stack") == 0)
    {
      /* kill (getpid (), SIGUSR1) with sp = 0x10 and SIGUSR1 caught: the
	 frame would go below 0x10.  No call between the register variables
	 and the asm: a call would clobber them.  */
      long pid = getpid ();
      sa.sa_handler = (void (*) (int)) main;
      sigaction (SIGUSR1, &sa, 0);
      register long a0 __asm__ ("a0") = pid;
      register long a1 __asm__ ("a1") = SIGUSR1;
      register long a7 __asm__ ("a7") = SYS_kill;
      __asm__ volatile ("mv s1, sp\n\tli sp, 0x10\n\tecall\n\tmv sp, s1"
			: "+r" (a0) : "r" (a1), "r" (a7) : "s1", "memory");
    }
  else if (strcmp (mode, "sigreturn") == 0)
    {
      register long a7 __asm__ ("a7") = SYS_rt_sigreturn;
      __asm__ volatile ("mv s1, sp\n\tli sp, 0x10\n\tecall\n\tmv sp, s1"
			: : "r" (a7) : "s1", "a0", "memory");
    }
  printf ("badsig %s: still running\n", mode);
  return 0;
}
