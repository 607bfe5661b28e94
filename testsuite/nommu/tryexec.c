/* tryexec PROGRAM ARGS...: execve PROGRAM, or say why the kernel refused
   it ("execve PROGRAM: <error>") and exit 126.  Used in the nommu system
   to run malformed programs without a shell's fallbacks (a shell runs a
   file that gives ENOEXEC as a script).  */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int
main (int argc, char **argv)
{
  if (argc < 2)
    return 2;
  execve (argv[1], argv + 1, environ);
  printf ("execve %s: %s\n", argv[1], strerror (errno));
  return 126;
}
