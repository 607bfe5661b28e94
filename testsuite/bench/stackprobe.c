/* Linked into a measuring build of busybox: when the process exits, report
   how deep its stack went.  The nommu kernel allocates a process's stack
   zero-filled (no CONFIG_MMAP_ALLOW_UNINITIALIZED), so the lowest non-zero
   word of the mapping that holds sp is as deep as the process ever went
   (argument and environment strings at the top included).  The report goes
   to /dev/console, not to the program's own output.  */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void stackprobe_report (void) __attribute__ ((destructor));

static void
stackprobe_report (void)
{
  unsigned long sp = (unsigned long) __builtin_frame_address (0);
  unsigned long lo = 0, hi = 0, a, b, *p;
  char line[256], name[64] = "?", msg[160];
  FILE *f = fopen ("/proc/self/maps", "r");
  int fd, n;

  if (f == NULL)
    return;
  while (fgets (line, sizeof line, f) != NULL)
    if (sscanf (line, "%lx-%lx", &a, &b) == 2 && a <= sp && sp < b)
      {
	lo = a;
	hi = b;
	break;
      }
  fclose (f);
  if (lo == 0)
    return;
  for (p = (unsigned long *) lo; (unsigned long) p < sp && *p == 0; p++)
    ;
  fd = open ("/proc/self/comm", O_RDONLY);
  if (fd >= 0)
    {
      n = read (fd, name, sizeof name - 1);
      name[n > 0 ? n - 1 : 0] = 0;
      close (fd);
    }
  n = snprintf (msg, sizeof msg, "STACKDEPTH %s %lu of %lu\n", name,
		hi - (unsigned long) p, hi - lo);
  fd = open ("/dev/console", O_WRONLY | O_NOCTTY);
  if (fd >= 0)
    {
      write (fd, msg, n);
      close (fd);
    }
}
