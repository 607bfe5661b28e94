/* What the psABI asks of the kernel beyond loading, checked in the nommu
   system: the FDPIC personality, PTRACE_GETFDPIC for a traced FDPIC
   program (the load maps of the program and of its interpreter), and
   signal handlers entered through descriptors with their GOT in gp.
   Run as "kernel PROGRAM ARGS...": PROGRAM is traced (a dynamically
   linked FDPIC program that exits 0 without receiving signals).  */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#ifndef PTRACE_GETFDPIC
#define PTRACE_GETFDPIC 33
#define PTRACE_GETFDPIC_EXEC 0
#define PTRACE_GETFDPIC_INTERP 1
#endif
#define FDPIC_FUNCPTRS 0x0080000

static volatile int handled;
static volatile unsigned long handler_gp;

static void
handler (int sig)
{
  unsigned long gp;
  __asm__ volatile ("mv %0, gp" : "=r" (gp));
  handler_gp = gp;
  handled = sig;
}

static unsigned long
own_gp (void)
{
  unsigned long gp;
  __asm__ volatile ("mv %0, gp" : "=r" (gp));
  return gp;
}

/* The personality of this process, from /proc/self/personality (hex).  */
static long
personality_of_self (void)
{
  char buf[32] = "";
  int fd = open ("/proc/self/personality", O_RDONLY);
  if (fd < 0)
    return -1;
  if (read (fd, buf, sizeof buf - 1) <= 0)
    buf[0] = 0;
  close (fd);
  return strtol (buf, NULL, 16);
}

/* Read the load map header (version, nsegs) at ADDR in the tracee.  */
static int
peek_loadmap (pid_t pid, unsigned long addr, unsigned *version,
	      unsigned *nsegs)
{
  long w;
  errno = 0;
  w = ptrace (PTRACE_PEEKDATA, pid, (void *) addr, NULL);
  if (errno)
    return -1;
  *version = (unsigned) w & 0xffff;
  *nsegs = ((unsigned long) w >> 16) & 0xffff;
  return 0;
}

int
main (int argc, char **argv)
{
  long pers = personality_of_self ();
  CHECK (pers >= 0 && (pers & FDPIC_FUNCPTRS) != 0);

  /* Signals: the kernel enters the handler through its descriptor and
     sets gp to this module's GOT.  */
  CHECK (signal (SIGUSR1, handler) != SIG_ERR);
  CHECK (kill (getpid (), SIGUSR1) == 0);
  CHECK (handled == SIGUSR1);
  CHECK (handler_gp == own_gp ());

  if (argc > 1)
    {
      int status = -1;
      unsigned long exec_map = 0, interp_map = 0, bad = 1;
      unsigned version = 99, nsegs = 0;
      pid_t pid = vfork ();
      if (pid == 0)
	{
	  ptrace (PTRACE_TRACEME, 0, NULL, NULL);
	  execv (argv[1], argv + 1);
	  _exit (127);
	}
      /* Stopped with SIGTRAP after the exec.  */
      CHECK (pid > 0 && waitpid (pid, &status, 0) == pid
	     && WIFSTOPPED (status) && WSTOPSIG (status) == SIGTRAP);
      CHECK (ptrace (PTRACE_GETFDPIC, pid, (void *) PTRACE_GETFDPIC_EXEC,
		     &exec_map) == 0 && exec_map != 0);
      CHECK (ptrace (PTRACE_GETFDPIC, pid, (void *) PTRACE_GETFDPIC_INTERP,
		     &interp_map) == 0 && interp_map != 0
	     && interp_map != exec_map);
      CHECK (ptrace (PTRACE_GETFDPIC, pid, (void *) 2, &bad) == 0
	     && bad == 0);
      CHECK (peek_loadmap (pid, exec_map, &version, &nsegs) == 0
	     && version == 0 && nsegs >= 2);
      version = 99, nsegs = 0;
      CHECK (peek_loadmap (pid, interp_map, &version, &nsegs) == 0
	     && version == 0 && nsegs >= 2);
      CHECK (ptrace (PTRACE_CONT, pid, NULL, NULL) == 0
	     && waitpid (pid, &status, 0) == pid
	     && WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  return checks_failed ();
}
