#include "tlocal.h"

std::atomic<int> lib_tl_ctors, lib_tl_dtors;
namespace {
struct Counter {
  long v = 0;
  Counter () { lib_tl_ctors++; }
  ~Counter () { lib_tl_dtors++; }
};
thread_local Counter counter;
}

long lib_tl_touch (long v)
{
  counter.v += v;
  return counter.v;
}
