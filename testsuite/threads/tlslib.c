/* libtlslib.so: TLS in a shared library: exported initialised variables
   (global dynamic from the library, initial exec or global dynamic from
   the executable; lib_first at offset 0 of the block), static ones (local
   dynamic: ld resolves the pair to {DTPMOD64 sym 0, offset - 0x800}), one
   beyond 0x800.  Also dlopen'ed by dlotls (as libtlsgd.so).  */
__thread long lib_first = 11;                    /* offset 0 of the block */
__thread int lib_var = 42;
static __thread int lib_static = 7;
static __thread char lib_big[5000];              /* beyond 0x800 */
int lib_get_static (void) { return lib_static; }
void lib_set_static (int v) { lib_static = v; lib_big[4999] = (char) v; }
int lib_get_big (void) { return lib_big[4999]; }
int *lib_addr_var (void) { return &lib_var; }
