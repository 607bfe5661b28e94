/* One function and its aliases: every pointer to it must be the same.  */
typedef int fn_t (int);

int m (int x) { return x + 1; }
extern int m_alias (int) __attribute__ ((alias ("m")));
extern int m_weak (int) __attribute__ ((weak, alias ("m")));
extern int m_hidden (int) __attribute__ ((visibility ("hidden"), alias ("m")));
static int m_static (int) __attribute__ ((alias ("m")));

/* Data words: R_RISCV_FUNCDESC against each name.  */
fn_t *const alias_table[5] = { m, m_alias, m_weak, m_hidden, m_static };

/* Code: %gotfuncdesc_gprel for m, m_alias, m_weak; %funcdesc_gprel for
   m_hidden and m_static (see readelf -r alias-lib.o).  */
__attribute__ ((noipa)) fn_t *get_m (void) { return m; }
__attribute__ ((noipa)) fn_t *get_m_alias (void) { return m_alias; }
__attribute__ ((noipa)) fn_t *get_m_weak (void) { return m_weak; }
__attribute__ ((noipa)) fn_t *get_m_hidden (void) { return m_hidden; }
__attribute__ ((noipa)) fn_t *get_m_static (void) { return m_static; }
/* A direct call of the local alias, to compare with calls through it.  */
__attribute__ ((noipa)) int call_m_static (int x) { return m_static (x); }
