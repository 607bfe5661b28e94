#include "mini.h"

static long
sys_write (int fd, const void *buf, size_t len)
{
  register long a0 __asm__ ("a0") = fd;
  register long a1 __asm__ ("a1") = (long) buf;
  register long a2 __asm__ ("a2") = (long) len;
  register long a7 __asm__ ("a7") = 64;
  __asm__ volatile ("ecall" : "+r" (a0) : "r" (a1), "r" (a2), "r" (a7)
		    : "memory");
  return a0;
}

void
put_str (const char *s)
{
  sys_write (1, s, strlen (s));
}

void
put_int (long v)
{
  char buf[24];
  int i = sizeof buf - 1;
  int neg = v < 0;
  unsigned long u = neg ? -(unsigned long) v : (unsigned long) v;
  buf[i] = 0;
  do
    buf[--i] = '0' + u % 10;
  while ((u /= 10) != 0);
  if (neg)
    buf[--i] = '-';
  put_str (buf + i);
}

void *
memcpy (void *d, const void *s, size_t n)
{
  char *dp = d;
  const char *sp = s;
  while (n--)
    *dp++ = *sp++;
  return d;
}

void *
memset (void *d, int c, size_t n)
{
  char *dp = d;
  while (n--)
    *dp++ = c;
  return d;
}

size_t
strlen (const char *s)
{
  size_t n = 0;
  while (s[n])
    n++;
  return n;
}
