/* Compares the pointers to m taken through each of its names, in this
   translation unit and in alias-lib.c (the same module, or a shared
   library with -DSHARED), and calls through each.  */
#include <stdio.h>

typedef int fn_t (int);
extern fn_t m, m_alias, m_weak;
#ifndef SHARED
extern fn_t m_hidden __attribute__ ((visibility ("hidden")));
#endif
extern fn_t *const alias_table[5];
fn_t *get_m (void), *get_m_alias (void), *get_m_weak (void);
fn_t *get_m_hidden (void), *get_m_static (void);

static int failures;

static void
same (const char *what, fn_t *p, fn_t *ref)
{
  if (p == ref && p (41) == 42)
    printf ("ok %s\n", what);
  else
    {
      printf ("FAIL %s: %p, expected %p\n", what, (void *) p, (void *) ref);
      failures++;
    }
}

int
main (void)
{
  /* volatile: the compiler must not fold the comparisons.  */
  fn_t *volatile ref = get_m ();
  fn_t *volatile p;

  p = m;		same ("&m (main)", p, ref);
  p = m_alias;		same ("&m_alias (main)", p, ref);
  p = m_weak;		same ("&m_weak (main)", p, ref);
#ifndef SHARED
  p = m_hidden;		same ("&m_hidden (main)", p, ref);
#endif
  same ("&m_alias (lib)", get_m_alias (), ref);
  same ("&m_weak (lib)", get_m_weak (), ref);
  same ("&m_hidden (lib)", get_m_hidden (), ref);
  same ("&m_static (lib)", get_m_static (), ref);
  for (int i = 0; i < 5; i++)
    {
      char what[32];
      snprintf (what, sizeof what, "alias_table[%d]", i);
      same (what, alias_table[i], ref);
    }
  return failures != 0;
}
