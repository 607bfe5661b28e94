// An exception leaving a noexcept function: std::terminate runs the
// handler set here (which prints and exits 3), not the catch below.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include "shape.h"

static void handler ()
{
  std::puts ("terminate called");
  std::fflush (stdout);
  std::_Exit (3);
}

static void no_throw () noexcept
{
  throw_bad (1);
}

int main ()
{
  std::set_terminate (handler);
  try {
    no_throw ();
  } catch (...) {
    std::puts ("caught: wrong");
  }
  return 0;
}
