// libplugin.so of testsuite/cxx, dlopen'ed: a class derived from the
// library's Shape, created through an extern "C" factory, and
// exceptions thrown from a dlopen'ed module to the program.
#include "shape.h"

namespace {
struct Square : Rect {
  Square (long s) : Rect (s, s) {}
  std::string name () const override { return "square"; }
};
}

extern "C" Shape *plugin_make (long s) { return new Square (s); }
extern "C" void plugin_throw (long code) { throw BadShape ("from plugin", code); }
extern "C" void plugin_throw_int (int v) { throw v; }
