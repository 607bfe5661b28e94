/* Mutex types and a read-write lock: a recursive mutex locked 3 times by
   one thread and busy for another until fully unlocked; an error-checking
   mutex refuses a second lock by its owner (EDEADLK) and an unlock by
   another thread (EPERM); trylock of a held normal mutex is EBUSY; 8
   threads x 20000 increments of a counter under a normal mutex; 4 readers
   hold a rwlock together while a writer waits, which then holds it
   alone.  */
#include <errno.h>
#include <pthread.h>
#include "check.h"

#define N 8
#define INCR 20000
static pthread_mutex_t m_norm = PTHREAD_MUTEX_INITIALIZER, m_rec, m_err;
static long counter;
static int r_try, e_unlock;

static void *inc (void *arg)
{
  for (int i = 0; i < INCR; i++)
    {
      pthread_mutex_lock (&m_norm);
      long c = counter;                     /* not atomic: the lock is */
      if ((i & 255) == 0)
        sched_yield ();
      counter = c + 1;
      pthread_mutex_unlock (&m_norm);
    }
  return arg;
}

static void *try_rec (void *arg)
{
  r_try = pthread_mutex_trylock (&m_rec);
  if (r_try == 0)
    pthread_mutex_unlock (&m_rec);
  return arg;
}

static void *unlock_err (void *arg)
{
  e_unlock = pthread_mutex_unlock (&m_err);
  return arg;
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t rbar;
static int readers_in, readers_seen[4], writer_saw;

static void *reader (void *arg)
{
  pthread_rwlock_rdlock (&rw);
  __atomic_add_fetch (&readers_in, 1, __ATOMIC_SEQ_CST);
  pthread_barrier_wait (&rbar);             /* all 4 readers hold it at once */
  readers_seen[(long) arg] = __atomic_load_n (&readers_in, __ATOMIC_SEQ_CST);
  pthread_barrier_wait (&rbar);
  __atomic_sub_fetch (&readers_in, 1, __ATOMIC_SEQ_CST);
  pthread_rwlock_unlock (&rw);
  return arg;
}

static void *writer (void *arg)
{
  pthread_rwlock_wrlock (&rw);
  writer_saw = __atomic_load_n (&readers_in, __ATOMIC_SEQ_CST);
  pthread_rwlock_unlock (&rw);
  return arg;
}

int main (void)
{
  pthread_t t[N], o;
  pthread_mutexattr_t a;
  int ok = 0, r;

  /* Recursive.  */
  pthread_mutexattr_init (&a);
  CHECK (pthread_mutexattr_settype (&a, PTHREAD_MUTEX_RECURSIVE) == 0);
  pthread_mutex_init (&m_rec, &a);
  CHECK (pthread_mutex_lock (&m_rec) == 0 && pthread_mutex_lock (&m_rec) == 0
         && pthread_mutex_trylock (&m_rec) == 0);
  pthread_create (&o, NULL, try_rec, NULL);
  pthread_join (o, NULL);
  CHECK (r_try == EBUSY);
  CHECK (pthread_mutex_unlock (&m_rec) == 0 && pthread_mutex_unlock (&m_rec) == 0);
  pthread_create (&o, NULL, try_rec, NULL);
  pthread_join (o, NULL);
  CHECK (r_try == EBUSY);                  /* still held once */
  CHECK (pthread_mutex_unlock (&m_rec) == 0);
  pthread_create (&o, NULL, try_rec, NULL);
  pthread_join (o, NULL);
  CHECK (r_try == 0);

  /* Error checking.  */
  CHECK (pthread_mutexattr_settype (&a, PTHREAD_MUTEX_ERRORCHECK) == 0);
  pthread_mutex_init (&m_err, &a);
  CHECK (pthread_mutex_lock (&m_err) == 0);
  CHECK (pthread_mutex_lock (&m_err) == EDEADLK);
  pthread_create (&o, NULL, unlock_err, NULL);
  pthread_join (o, NULL);
  CHECK (e_unlock == EPERM);
  CHECK (pthread_mutex_unlock (&m_err) == 0);
  CHECK (pthread_mutex_unlock (&m_err) == EPERM);
  pthread_mutexattr_destroy (&a);

  /* Normal: trylock, then contention.  */
  pthread_mutex_lock (&m_norm);
  CHECK (pthread_mutex_trylock (&m_norm) == EBUSY);
  pthread_mutex_unlock (&m_norm);
  for (long i = 0; i < N; i++)
    ok += pthread_create (&t[i], NULL, inc, NULL) == 0;
  for (int i = 0; i < N; i++)
    ok += pthread_join (t[i], NULL) == 0;
  CHECK (ok == 2 * N);
  CHECK (counter == (long) N * INCR);

  /* rwlock: 4 readers together, the writer alone.  */
  pthread_barrier_init (&rbar, NULL, 5);
  ok = 0;
  for (long i = 0; i < 4; i++)
    ok += pthread_create (&t[i], NULL, reader, (void *) i) == 0;
  pthread_barrier_wait (&rbar);             /* the readers hold it */
  ok += pthread_create (&t[4], NULL, writer, NULL) == 0;
  for (int i = 0; i < 100; i++)             /* let the writer block */
    sched_yield ();
  pthread_barrier_wait (&rbar);
  for (int i = 0; i < 5; i++)
    ok += pthread_join (t[i], NULL) == 0;
  CHECK (ok == 10);
  CHECK (readers_seen[0] == 4 && readers_seen[1] == 4 && readers_seen[2] == 4
         && readers_seen[3] == 4);
  CHECK (writer_saw == 0);
  r = pthread_rwlock_trywrlock (&rw);
  CHECK (r == 0 && pthread_rwlock_tryrdlock (&rw) == EBUSY);
  pthread_rwlock_unlock (&rw);
  return checks_failed ();
}
