// libtlocal.so of testsuite/cxx: a thread_local object with a
// constructor and a destructor, in a shared library.
#ifndef TLOCAL_H
#define TLOCAL_H
#include <atomic>
extern std::atomic<int> lib_tl_ctors, lib_tl_dtors;
long lib_tl_touch (long v);   // constructs this thread's object on first use
#endif
