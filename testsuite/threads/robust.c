/* Robust mutexes (set_robust_list): a thread exits holding a robust
   mutex; the next pthread_mutex_lock returns EOWNERDEAD and owns it;
   after pthread_mutex_consistent it works normally, also when the next
   locker is already blocked when the owner dies.  A second owner dies
   and its successor unlocks without making it consistent: the mutex is
   then ENOTRECOVERABLE.  (Without set_robust_list, as under qemu-user,
   the exiting thread marks its mutexes itself: pthread_create.c.)
   A process-shared robust mutex in a MAP_SHARED mapping needs the
   kernel's robust list: with it (the nommu kernel), the waiter already
   blocked when the owner dies gets EOWNERDEAD; without it,
   pthread_mutex_init refuses such a mutex with ENOTSUP.  */
#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static pthread_mutex_t *m;
static int locked_ok, waiter_ret = -1;

static void *die_holding (void *arg)
{
  locked_ok = pthread_mutex_lock (m) == 0;
  if (arg)
    usleep (50000);                         /* let the waiter block */
  return NULL;                              /* exits still owning it */
}

static void *waiter (void *arg)
{
  waiter_ret = pthread_mutex_lock (m);
  if (waiter_ret == EOWNERDEAD)
    {
      pthread_mutex_consistent (m);
      pthread_mutex_unlock (m);
    }
  return arg;
}

/* 0 if MU is now a robust mutex, else an error number.  */
static int init (pthread_mutex_t *mu, int pshared)
{
  pthread_mutexattr_t a;
  int r = pthread_mutexattr_init (&a);
  if (r == 0)
    r = pthread_mutexattr_setrobust (&a, PTHREAD_MUTEX_ROBUST);
  if (r == 0 && pshared)
    r = pthread_mutexattr_setpshared (&a, PTHREAD_PROCESS_SHARED);
  if (r == 0)
    r = pthread_mutex_init (mu, &a);
  pthread_mutexattr_destroy (&a);
  return r;
}

int main (void)
{
  static pthread_mutex_t mu;
  pthread_t t, w;
  int ok;
  m = &mu;
  CHECK (init (m, 0) == 0);
  ok = pthread_create (&t, NULL, die_holding, NULL) == 0;
  ok += pthread_join (t, NULL) == 0;
  CHECK (ok == 2 && locked_ok);
  CHECK (pthread_mutex_lock (m) == EOWNERDEAD);
  CHECK (pthread_mutex_consistent (m) == 0);
  CHECK (pthread_mutex_unlock (m) == 0);
  CHECK (pthread_mutex_lock (m) == 0 && pthread_mutex_unlock (m) == 0);
  CHECK (pthread_mutex_trylock (m) == 0 && pthread_mutex_unlock (m) == 0);

  /* Dead again; the successor does not repair it.  */
  locked_ok = 0;
  ok = pthread_create (&t, NULL, die_holding, NULL) == 0;
  ok += pthread_join (t, NULL) == 0;
  CHECK (ok == 2 && locked_ok);
  CHECK (pthread_mutex_trylock (m) == EOWNERDEAD);
  CHECK (pthread_mutex_unlock (m) == 0);
  CHECK (pthread_mutex_lock (m) == ENOTRECOVERABLE);

  /* A waiter already blocked in the kernel when the owner dies.  */
  static pthread_mutex_t mu2;
  m = &mu2;
  CHECK (init (m, 0) == 0);
  locked_ok = 0;
  ok = pthread_create (&t, NULL, die_holding, (void *) 1) == 0;
  usleep (10000);
  ok += pthread_create (&w, NULL, waiter, NULL) == 0;
  ok += pthread_join (t, NULL) == 0;
  ok += pthread_join (w, NULL) == 0;
  CHECK (ok == 4 && locked_ok && waiter_ret == EOWNERDEAD);
  CHECK (pthread_mutex_lock (m) == 0 && pthread_mutex_unlock (m) == 0);

  /* Process-shared.  */
  void *head;
  size_t len;
  int kernel_lists = syscall (SYS_get_robust_list, 0, &head, &len) == 0;
  m = mmap (NULL, sizeof *m, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
            -1, 0);
  CHECK (m != MAP_FAILED);
  int r = init (m, 1);
  CHECK (kernel_lists ? r == 0 : r == ENOTSUP);
  ok = 4;
  locked_ok = 1;
  waiter_ret = EOWNERDEAD;
  if (kernel_lists)
    {
      locked_ok = 0;
      waiter_ret = -1;
      ok = pthread_create (&t, NULL, die_holding, (void *) 1) == 0;
      usleep (10000);
      ok += pthread_create (&w, NULL, waiter, NULL) == 0;
      ok += pthread_join (t, NULL) == 0;
      ok += pthread_join (w, NULL) == 0;
    }
  CHECK (ok == 4 && locked_ok && waiter_ret == EOWNERDEAD);
  CHECK (!kernel_lists
         || (pthread_mutex_lock (m) == 0 && pthread_mutex_unlock (m) == 0));
  return checks_failed ();
}
