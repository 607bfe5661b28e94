__thread int missing_tls = 3;
