/* A library with TLS: an exported initialised variable (GD/IE from
   outside), a static one (local dynamic: ld resolves the pair to
   {DTPMOD64 sym 0, offset - 0x800}), one at offset 0.  */
__thread long lib_first = 11;                    /* offset 0 of the block */
__thread int lib_var = 42;
static __thread int lib_static = 7;
static __thread char lib_big[5000];              /* beyond 0x800 */
int lib_get_static (void) { return lib_static; }
void lib_set_static (int v) { lib_static = v; lib_big[4999] = (char) v; }
int lib_get_big (void) { return lib_big[4999]; }
int *lib_addr_var (void) { return &lib_var; }
