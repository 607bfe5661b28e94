/* libbadtls.so: a TLS reference (global dynamic) to another library.  */
extern __thread int missing_tls;
int use_missing (void) { return missing_tls; }
