// C++ threads (testsuite/cxx): std::thread, std::mutex, std::async,
// thread_local objects with destructors in the program and in a shared
// library (libtlocal.so), exceptions thrown and caught in threads and
// passed between threads.
#include <atomic>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>
#include "tlocal.h"
#include "check.h"

namespace {
std::atomic<int> ctors, dtors;
struct Local {
  long sum = 0;
  Local () { ctors++; }
  ~Local () { dtors++; }
};
thread_local Local local;
thread_local int plain_tl = 5;

std::mutex m;
long shared_total;
std::atomic<int> caught, wrong;

void worker (int id)
{
  for (int i = 1; i <= 100; i++)
    {
      local.sum += i;
      lib_tl_touch (i);
    }
  plain_tl += id;
  try {
    if (id % 2)
      throw std::runtime_error ("odd");
    throw id;
  } catch (const std::runtime_error &) {
    caught++;
  } catch (int v) {
    if (v == id)
      caught++;
  }
  if (local.sum != 5050 || lib_tl_touch (0) != 5050 || plain_tl != 5 + id)
    wrong++;
  std::lock_guard<std::mutex> g (m);
  shared_total += local.sum;
}
}

int main ()
{
  const int n = 8;
  std::vector<std::thread> ts;
  for (int i = 0; i < n; i++)
    ts.emplace_back (worker, i);
  for (auto &t : ts)
    t.join ();
  CHECK (shared_total == n * 5050L && caught == n && wrong == 0);
  // Every thread's thread_local objects were destroyed at its exit (the
  // main thread's ones were never made: main did not touch them).
  CHECK (ctors == n && dtors == n);
  CHECK (lib_tl_ctors == n && lib_tl_dtors == n);

  // An exception crossing threads through a future.
  auto f = std::async (std::launch::async, [] () -> long {
    throw std::out_of_range ("in async");
  });
  bool got = false;
  try {
    f.get ();
  } catch (const std::out_of_range &) {
    got = true;
  }
  CHECK (got);
  return checks_failed ();
}
