/* libbadprov.so at link time only: defines missing_tls.  */
__thread int missing_tls = 3;
