/* riscv64 kernel ABI of uClibc-ng's headers and system call wrappers:
   record locks (F_GETLK/F_SETLK/F_SETLKW and their *64 names), open flags,
   struct stat (also where the header hides st_atim), struct dirent,
   struct statfs, rlimits, struct sigaction, SysV IPC structures, and the
   64-bit offset arguments of pread/pwrite/sync_file_range.

   No feature-test macro is defined here: build it several ways, and each
   build must pass every check (each check runs exactly once):
     $CC -o abi abi.c                                     (default: MISC)
     $CC -D_FILE_OFFSET_BITS=64 -o abi-lfs abi.c          (what most programs use)
     $CC -D_XOPEN_SOURCE=600 -o abi-xopen abi.c           (no st_atim in struct stat)
     $CC -D_XOPEN_SOURCE=600 -D_FILE_OFFSET_BITS=64 -o abi-xopen-lfs abi.c
   It creates and removes a scratch file in the current directory.  */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include "check.h"

/* Not declared in every one of the builds above.  */
extern long int syscall (long int, ...);
extern int sync_file_range (int, long int, long int, unsigned int);

#ifdef RLIMIT_RTTIME
# define RTTIME_RESOURCE RLIMIT_RTTIME
#else
# define RTTIME_RESOURCE (-1)
#endif
#ifdef F_GETLK64
# define GETLK64 F_GETLK64
# define SETLK64 F_SETLK64
# define SETLKW64 F_SETLKW64
#else
# define GETLK64 F_GETLK
# define SETLK64 F_SETLK
# define SETLKW64 F_SETLKW
#endif
#ifdef SHMLBA
# define SHM_ALIGN ((long) SHMLBA)
#else
# define SHM_ALIGN (-1L)
#endif

#define KERNEL_O_DSYNC	00010000	/* asm-generic/fcntl.h */
#define KERNEL___O_SYNC	04000000
#define LOCK_START	((off_t) 0x100000000LL + 100)	/* above 4 GiB */

/* A struct stat with room behind it: the kernel writes 128 bytes.  */
static struct
{
  struct stat st;
  unsigned char guard[64];
} sb;

static int guard_intact (void)
{
  size_t i;
  for (i = 0; i < sizeof sb.guard; i++)
    if (sb.guard[i] != 0xa5)
      return 0;
  return 1;
}

static int do_stat (const char *path, int fd)
{
  memset (&sb, 0xa5, sizeof sb);
  if ((path ? stat (path, &sb.st) : fstat (fd, &sb.st)) != 0)
    return 0;
  return guard_intact ();
}

/* In a child: does FD carry the parent's write lock on
   [LOCK_START, LOCK_START + 10), and is it refused to us?  */
static int child_sees_lock (int fd, pid_t parent)
{
  struct flock c;
  int ok;

  memset (&c, 0, sizeof c);
  c.l_type = F_RDLCK;
  c.l_whence = SEEK_SET;
  ok = fcntl (fd, F_GETLK, &c) == 0 && c.l_type == F_WRLCK
       && c.l_start == LOCK_START && c.l_len == 10 && c.l_pid == parent;
  memset (&c, 0, sizeof c);
  c.l_type = F_WRLCK;
  c.l_whence = SEEK_SET;
  c.l_start = LOCK_START + 5;
  c.l_len = 1;
  return ok && fcntl (fd, F_SETLK, &c) == -1
	 && (errno == EAGAIN || errno == EACCES);
}

static volatile sig_atomic_t usr2_blocked = -1, on_altstack = -1;
static char altstack[SIGSTKSZ];

static void on_usr1 (int sig)
{
  sigset_t cur;
  (void) sig;
  sigprocmask (SIG_BLOCK, NULL, &cur);
  usr2_blocked = sigismember (&cur, SIGUSR2);
}

static void on_usr2 (int sig)
{
  char here;
  (void) sig;
  on_altstack = (uintptr_t) &here - (uintptr_t) altstack < sizeof altstack;
}

union semun { int val; struct semid_ds *buf; unsigned short *array; };

int main (void)
{
  char path[64], buf[16];
  struct flock fl;
  struct statfs sf, sf2;
  struct rlimit rl;
  struct { unsigned long long cur, max; } krl;
  struct sigaction sa, old;
  stack_t ss;
  struct shmid_ds shm_ds;
  struct msqid_ds mq_ds;
  struct semid_ds sem_ds;
  union semun arg;
  struct { long mtype; char mtext[8]; } msg = { 1, "hello" };
  DIR *dir;
  struct dirent *de;
  struct utimbuf times = { 1000000001, 1234567890 };
  unsigned long long dir_ino = 0;
  int fd, fd2, status, found = 0, ipc_skip, shm_id, msq_id, sem_id;
  int d_ino_size = 0, seek_ok = 0;
  long pos = -1;
  char name3[256] = "";
  msglen_t qbytes;
  void *shm_addr;
  pid_t child, self = getpid ();
  time_t t0 = time (NULL) - 1;

  snprintf (path, sizeof path, "abi-%ld.tmp", (long) self);
  fd = open (path, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    {
      printf ("FAIL cannot create %s\n", path);
      return 1;
    }

  /* Constants and struct flock, against asm-generic/fcntl.h (64-bit).  */
  CHECK (F_GETLK == 5 && F_SETLK == 6 && F_SETLKW == 7);
  CHECK (GETLK64 == F_GETLK && SETLK64 == F_SETLK && SETLKW64 == F_SETLKW);
  CHECK (O_SYNC == (KERNEL___O_SYNC | KERNEL_O_DSYNC) && O_DSYNC == KERNEL_O_DSYNC);
  CHECK (sizeof (struct flock) == 32 && offsetof (struct flock, l_start) == 8 && offsetof (struct flock, l_len) == 16 && offsetof (struct flock, l_pid) == 24);

  /* pread/pwrite take the offset in one register.  */
  CHECK (pwrite (fd, "0123456789", 10, 0) == 10 && pread (fd, buf, 3, 4) == 3 && memcmp (buf, "456", 3) == 0);
  CHECK (pwrite (fd, "AB", 2, 7) == 2 && pread (fd, buf, 10, 0) == 10 && memcmp (buf, "0123456AB9", 10) == 0 && lseek (fd, 0, SEEK_CUR) == 0);

  /* sync_file_range: the kernel must see the flags (0x100 is invalid).  */
  CHECK (sync_file_range (fd, 0, 4096, 2) == 0);
  CHECK (sync_file_range (fd, 0, 0, 0x100) == -1 && errno == EINVAL);

  /* O_SYNC is full file integrity, not O_DSYNC.  */
  fd2 = open (path, O_RDWR | O_SYNC);
  CHECK (fd2 >= 0 && (fcntl (fd2, F_GETFL) & KERNEL___O_SYNC) != 0);
  if (fd2 >= 0)
    close (fd2);

  /* Record locks, with an offset above 4 GiB.  */
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = LOCK_START;
  fl.l_len = 10;
  CHECK (fcntl (fd, F_SETLK, &fl) == 0);
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  CHECK (fcntl (fd, F_GETLK, &fl) == 0 && fl.l_type == F_UNLCK);
  child = vfork ();
  if (child == 0)
    _exit (child_sees_lock (fd, self) ? 0 : 1);
  CHECK (child > 0 && waitpid (child, &status, 0) == child && WIFEXITED (status) && WEXITSTATUS (status) == 0);
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_UNLCK;
  fl.l_whence = SEEK_SET;
  CHECK (fcntl (fd, F_SETLK, &fl) == 0);
  fl.l_type = F_WRLCK;
  CHECK (fcntl (fd, F_SETLKW, &fl) == 0);
  fl.l_type = F_UNLCK;
  CHECK (fcntl (fd, SETLK64, &fl) == 0);
  CHECK (lockf (fd, F_TLOCK, 0) == 0 && lockf (fd, F_ULOCK, 0) == 0);

  /* struct stat: the kernel's 128 bytes, with the right fields.  */
  CHECK (sizeof (struct stat) == 128);
  CHECK (ftruncate (fd, (off_t) 0x100000005LL) == 0 && do_stat (NULL, fd) && sb.st.st_size == (off_t) 0x100000005LL);
  CHECK (utime (path, &times) == 0 && do_stat (path, -1) && sb.st.st_atime == 1000000001 && sb.st.st_mtime == 1234567890 && sb.st.st_ctime >= t0);
  CHECK (S_ISREG (sb.st.st_mode) && (sb.st.st_mode & 0777) == 0600 && sb.st.st_nlink == 1 && sb.st.st_uid == geteuid () && sb.st.st_blksize > 0);

  /* struct dirent: d_ino is all of st_ino; telldir/seekdir round-trip.  */
  dir = opendir (".");
  if (dir)
    {
      int n = 0;
      while ((de = readdir (dir)) != NULL)
	if (strcmp (de->d_name, path) == 0)
	  {
	    found = 1;
	    dir_ino = de->d_ino;
	    d_ino_size = sizeof de->d_ino;
	  }
      rewinddir (dir);
      while ((de = readdir (dir)) != NULL && ++n < 2)
	continue;
      if (de)
	{
	  pos = telldir (dir);
	  de = readdir (dir);
	}
      if (de)
	{
	  snprintf (name3, sizeof name3, "%s", de->d_name);
	  seekdir (dir, pos);
	  de = readdir (dir);
	  seek_ok = de != NULL && strcmp (de->d_name, name3) == 0;
	}
      else
	seek_ok = 1;	/* fewer than three entries: nothing to check */
      closedir (dir);
    }
  CHECK (found && d_ino_size == sizeof (ino_t) && dir_ino == (unsigned long long) sb.st.st_ino);
  CHECK (seek_ok);

  /* struct statfs.  */
  CHECK (sizeof (struct statfs) == 120);
  CHECK (statfs (".", &sf) == 0 && fstatfs (fd, &sf2) == 0 && sf.f_type == sf2.f_type && sf.f_bsize > 0 && sf.f_frsize > 0 && sf.f_blocks >= sf.f_bfree && sf.f_bfree >= sf.f_bavail && sf.f_namelen > 0 && sf.f_namelen <= 4096);

  /* rlimits: numbering, and setrlimit stores exactly what it is given.  */
  CHECK (RTTIME_RESOURCE == 15 && RLIM_NLIMITS == 16 && getrlimit (RTTIME_RESOURCE, &rl) == 0);
  CHECK (getrlimit (RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 2 && rl.rlim_cur <= rl.rlim_max);
  CHECK (getrlimit (RLIMIT_FSIZE, &rl) == 0 && setrlimit (RLIMIT_FSIZE, &rl) == 0 && syscall (__NR_prlimit64, 0, RLIMIT_FSIZE, NULL, &krl) == 0 && krl.cur == rl.rlim_cur && krl.max == rl.rlim_max);

  /* Signals: struct sigaction is the kernel's (no sa_restorer).  */
  CHECK (sizeof (sigset_t) == 8 && sizeof (struct sigaction) == 24 && SIGRTMAX == 64);
  CHECK (SA_NOCLDSTOP == 1 && SA_NOCLDWAIT == 2 && SA_SIGINFO == 4 && SA_ONSTACK == 0x08000000 && SA_RESTART == 0x10000000 && SA_NODEFER == 0x40000000 && SA_RESETHAND == 0x80000000);
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigemptyset (&sa.sa_mask);
  sigaddset (&sa.sa_mask, SIGUSR2);
  CHECK (sigaction (SIGUSR1, &sa, NULL) == 0 && raise (SIGUSR1) == 0 && usr2_blocked == 1);
  memset (&old, 0, sizeof old);
  CHECK (sigaction (SIGUSR1, NULL, &old) == 0 && old.sa_handler == on_usr1 && sigismember (&old.sa_mask, SIGUSR2) == 1 && sigismember (&old.sa_mask, SIGINT) == 0);
  memset (&ss, 0, sizeof ss);
  ss.ss_sp = altstack;
  ss.ss_size = sizeof altstack;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_usr2;
  sa.sa_flags = SA_ONSTACK;
  sigemptyset (&sa.sa_mask);
  CHECK (MINSIGSTKSZ == 2048 && sigaltstack (&ss, NULL) == 0 && sigaction (SIGUSR2, &sa, NULL) == 0 && raise (SIGUSR2) == 0 && on_altstack == 1);

  /* SysV IPC: the 64-bit shmid64_ds/msqid64_ds/semid64_ds layouts.  A
     kernel without CONFIG_SYSVIPC (ENOSYS) skips these checks.  */
  shm_id = shmget (IPC_PRIVATE, 8192, IPC_CREAT | 0600);
  ipc_skip = shm_id < 0 && errno == ENOSYS;
  shm_addr = shm_id >= 0 ? shmat (shm_id, NULL, 0) : (void *) -1;
  memset (&shm_ds, 0, sizeof shm_ds);
  CHECK (ipc_skip || (shm_addr != (void *) -1 && shmctl (shm_id, IPC_STAT, &shm_ds) == 0 && shm_ds.shm_segsz == 8192 && shm_ds.shm_cpid == self && shm_ds.shm_lpid == self && shm_ds.shm_nattch == 1 && shm_ds.shm_atime >= t0 && shm_ds.shm_ctime >= t0 && (shm_ds.shm_perm.mode & 0777) == 0600 && shm_ds.shm_perm.uid == geteuid ()));
  CHECK (SHM_ALIGN == sysconf (_SC_PAGESIZE));
  if (shm_addr != (void *) -1)
    shmdt (shm_addr);
  if (shm_id >= 0)
    shmctl (shm_id, IPC_RMID, NULL);
  msq_id = ipc_skip ? -1 : msgget (IPC_PRIVATE, IPC_CREAT | 0600);
  memset (&mq_ds, 0, sizeof mq_ds);
  CHECK (ipc_skip || (msq_id >= 0 && msgsnd (msq_id, &msg, 6, 0) == 0 && msgctl (msq_id, IPC_STAT, &mq_ds) == 0 && mq_ds.msg_qnum == 1 && mq_ds.msg_lspid == self && mq_ds.msg_lrpid == 0 && mq_ds.msg_stime >= t0 && mq_ds.msg_qbytes > 6 && (mq_ds.msg_perm.mode & 0777) == 0600));
  qbytes = mq_ds.msg_qbytes - 1;
  mq_ds.msg_qbytes = qbytes;
  CHECK (ipc_skip || (msgctl (msq_id, IPC_SET, &mq_ds) == 0 && msgctl (msq_id, IPC_STAT, &mq_ds) == 0 && mq_ds.msg_qbytes == qbytes && mq_ds.msg_qnum == 1));
  if (msq_id >= 0)
    msgctl (msq_id, IPC_RMID, NULL);
  sem_id = ipc_skip ? -1 : semget (IPC_PRIVATE, 2, IPC_CREAT | 0600);
  memset (&sem_ds, 0, sizeof sem_ds);
  arg.buf = &sem_ds;
  CHECK (ipc_skip || (sem_id >= 0 && semctl (sem_id, 0, IPC_STAT, arg) == 0 && sem_ds.sem_nsems == 2 && sem_ds.sem_ctime >= t0 && (sem_ds.sem_perm.mode & 0777) == 0600));
  if (sem_id >= 0)
    semctl (sem_id, 0, IPC_RMID, arg);

  close (fd);
  unlink (path);
  return checks_failed ();
}
