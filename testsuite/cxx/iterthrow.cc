// An exception thrown by a dl_iterate_phdr callback unwinds through
// dl_iterate_phdr (libc) to the caller, and the module-list lock that
// dl_iterate_phdr holds is released on the way: afterwards another
// thread can still walk the modules, and bind a function lazily.
#include <link.h>
#include <thread>
#include "check.h"

namespace {
struct Stop { int modules; };
int seen;

int throwing (struct dl_phdr_info *, size_t, void *)
{
  if (++seen == 2)
    throw Stop { seen };
  return 0;
}

int counting (struct dl_phdr_info *, size_t, void *data)
{
  ++*static_cast<int *> (data);
  return 0;
}
}

int main ()
{
  int stopped = 0;
  try {
    dl_iterate_phdr (throwing, nullptr);
  } catch (const Stop &s) {
    stopped = s.modules;
  }
  CHECK (stopped == 2);
  int n = 0;
  std::thread t ([&n] { dl_iterate_phdr (counting, &n); });
  t.join ();
  CHECK (n >= 3);
  return checks_failed ();
}
