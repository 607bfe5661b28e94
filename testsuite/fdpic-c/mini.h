/* A few C library functions for the compiler's run-time tests, which run
   before the FDPIC C library exists.  */
#include <stddef.h>

void put_str (const char *);
void put_int (long);
void *memcpy (void *, const void *, size_t);
void *memset (void *, int, size_t);
size_t strlen (const char *);
