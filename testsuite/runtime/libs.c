/* Run-time checks across modules: the executable, liba.so, libb.so
   (which uses liba), libplug.so (dlopen) and libc.so.  Function pointer
   identity (one canonical descriptor per function), callbacks both ways,
   function pointers in a library's initialised data, a library's
   constructor and destructor, varargs, setjmp/longjmp across a library
   call, a signal handler in a library, errno set in a library, dlopen,
   dlsym and dlclose.  */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "liba.h"

int main_fn (int x) { return x + 100; }
static int local_fn (int x) { return x - 1; }

static jmp_buf env;
static int counter;
static void jump_back (void) { counter++; longjmp (env, 3); }

/* gp after direct calls to this file's functions: one that never changes
   gp needs no restore after calls to it (gcc: a keeper); one that
   tail-calls into liba returns with liba's gp, which must be replaced
   before the next call through the PLT or gp-relative access.  */
static volatile int gp_data = 5;
static __attribute__ ((noinline, noclone)) int keeps_gp (int x) { return x + 1; }
static __attribute__ ((noinline, noclone)) int tail_to_liba (int x) { return a_twice (x); }

int
main (void)
{
  void *self = dlopen (NULL, RTLD_NOW);
  void *plug;

  /* One canonical descriptor per function, whoever takes the address.  */
  CHECK ((int_fn) a_twice == a_addr_of_twice ());
  CHECK (a_addr_of_twice () == b_addr_of_twice ());
  CHECK (dlsym (RTLD_DEFAULT, "a_twice") == (void *) a_twice);
  CHECK ((void *) puts == a_addr_of_puts () && a_addr_of_puts () == b_addr_of_puts ());
  CHECK (dlsym (RTLD_DEFAULT, "puts") == (void *) puts);
  CHECK ((int_fn) main_fn == a_addr_of_main_fn () && main_fn == b_addr_of_main_fn ());
  CHECK (self != NULL && dlsym (self, "main_fn") == (void *) main_fn);

  /* Calls and callbacks in both directions.  */
  CHECK (a_twice (21) == 42);
  CHECK (a_apply (main_fn, 1) == 102 && a_apply (local_fn, 1) == 1);
  CHECK (a_apply (a_twice, 4) == 9);
  CHECK (a_addr_of_main_fn () (2) == 102);

  CHECK (keeps_gp (1) == 2 && gp_data == 5 && a_twice (keeps_gp (2)) == 6);
  CHECK (tail_to_liba (3) == 6 && gp_data == 5 && a_twice (tail_to_liba (1)) == 4);

  /* A library's initialised data, constructor, varargs and errno.  */
  CHECK (a_table[0] == a_twice && a_table[0] (4) == 8);
  CHECK (a_table[1] (4) == 12 && a_table[2] (4) == -4);
  CHECK (a_ctor_ran == 42);
  CHECK (a_sum (4, 1, 2, 3, 4) == 10 && a_sum (0) == 0);
  CHECK (a_errno_after_bad_open () == ENOENT);

  /* longjmp out of a callback called by a library.  */
  if (setjmp (env) == 0)
    a_call_longjmp_cb (jump_back);
  CHECK (counter == 1 && a_twice (counter) == 2);

  /* A signal handler in the library.  */
  CHECK (a_signal_install (SIGUSR2) == 0);
  CHECK (raise (SIGUSR2) == 0 && a_signal_seen == SIGUSR2);

  /* dlopen, dlsym of a function and of data, dlclose, dlopen again.  */
  plug = dlopen ("libplug.so", RTLD_NOW);
  CHECK (plug != NULL);
  if (plug)
    {
      int (*plug_fn) (int) = (int (*) (int)) dlsym (plug, "plug_fn");
      int_fn (*plug_twice) (void) = (int_fn (*) (void)) dlsym (plug, "plug_addr_of_twice");
      int *plug_data = dlsym (plug, "plug_data");
      CHECK (plug_fn && plug_fn (5) == 11);
      CHECK (plug_twice && plug_twice () == a_twice);
      CHECK (plug_data && *plug_data == 1234);
      CHECK (dlsym (plug, "no_such_symbol") == NULL && dlerror () != NULL);
      CHECK (dlclose (plug) == 0);
    }
  plug = dlopen ("libplug.so", RTLD_LAZY);
  CHECK (plug != NULL && dlsym (plug, "plug_fn") != NULL && dlclose (plug) == 0);
  CHECK (dlopen ("libnonexistent.so", RTLD_NOW) == NULL);

  return checks_failed ();
}
