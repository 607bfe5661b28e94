// C++ across FDPIC modules (testsuite/cxx): the program, linked with
// libshape.so (or statically with the same objects), dlopens
// libplugin.so (argv[1], when given).  Each CHECK prints "ok" once.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <exception>
#include <iostream>
#include <memory>
#include <sstream>
#include <typeinfo>
#include <vector>
#include "shape.h"
#include "check.h"

namespace {
// A class of the program derived from the library's Shape: the
// library's total_area calls its area() through the vtable.
struct Tri : Shape {
  long b, h;
  Tri (long b_, long h_) : b (b_), h (h_) {}
  long area () const override { return b * h / 2; }
  std::string name () const override { return "tri"; }
};

int order[4], norder;
struct Rec { Rec (int id) { order[norder++] = id; } };
Rec m1 (10), m2 (20);

// A C++ comparator that throws, called by qsort (C code in libc).
int cmp_throw (const void *a, const void *b)
{
  long x = *(const long *) a, y = *(const long *) b;
  if (x == 7 || y == 7)
    throw BadShape ("seven", 7);
  return (x > y) - (x < y);
}
int cmp_plain (const void *a, const void *b)
{
  long x = *(const long *) a, y = *(const long *) b;
  return (x > y) - (x < y);
}

long caught_nested ()
{
  try {
    try {
      throw_bad (1);
    } catch (BadShape &) {
      std::throw_with_nested (std::runtime_error ("outer"));
    }
  } catch (std::runtime_error &e) {
    try {
      std::rethrow_if_nested (e);
    } catch (BadShape &inner) {
      return inner.code + 100;
    }
  }
  return -1;
}

long rethrown ()
{
  try {
    try {
      throw_bad (5);
    } catch (...) {
      throw;
    }
  } catch (const BadShape &e) {
    return e.code;
  }
  return -1;
}
}

int main (int argc, char **argv)
{
  // Static constructors: the library's before the program's, in order.
  CHECK (lib_ctor_count == 2 && lib_ctor_order[0] == 1 && lib_ctor_order[1] == 2
         && norder == 2 && order[0] == 10 && order[1] == 20);

  // Virtual calls both ways across the library boundary.
  std::unique_ptr<Shape> r (make_rect (3, 4));
  Tri t (6, 5);
  Shape *all[2] = { r.get (), &t };
  CHECK (r->area () == 12 && r->name () == "rect" && r->twice () == 24);
  CHECK (total_area (all, 2) == 12 + 15 && t.twice () == 30);

  // RTTI across modules.
  CHECK (typeid (*r) == rect_type () && typeid (*r) == typeid (Rect)
         && is_rect (r.get ()) && !is_rect (&t)
         && dynamic_cast<Rect *> (all[0]) == r.get ()
         && dynamic_cast<Rect *> (all[1]) == nullptr);

  // Pointers to members made in the library, used here; canonical
  // function pointers of an inline template instantiated on both sides.
  long (Shape::*pa) () const = area_member ();
  long (Shape::*pt) () const = twice_member ();
  CHECK ((r.get ()->*pa) () == 12 && (t.*pa) () == 15 && (t.*pt) () == 30
         && pa == &Shape::area && pt == &Shape::twice);
  CHECK (lib_address_of_twice_template () == (void *) &twice_t<long>
         && twice_t<long> (21) == 42);

  // std::function and lambdas called from the library.
  long k = 3;
  CHECK (call_through ([k] (long x) { return x * k; }, 14) == 42);

  // An exception thrown in the library, caught here by type.
  long code = 0;
  try {
    throw_bad (42);
  } catch (const BadShape &e) {
    code = e.code + (std::strcmp (e.what (), "bad shape") == 0 ? 1000 : 0);
  }
  CHECK (code == 1042);

  // Through C frames: qsort (libc) calling a throwing C++ comparator,
  // from the library.
  long v[5] = { 3, 1, 7, 2, 5 };
  code = 0;
  try {
    sort_and_sum (v, 5, cmp_throw);
  } catch (const BadShape &e) {
    code = e.code;
  }
  long w[4] = { 4, 1, 3, 2 };
  CHECK (code == 7 && sort_and_sum (w, 4, cmp_plain) == 1234);

  // Rethrow, nested exceptions, std::exception_ptr.
  CHECK (rethrown () == 5 && caught_nested () == 101);
  std::exception_ptr ep;
  try {
    throw_bad (9);
  } catch (...) {
    ep = std::current_exception ();
  }
  code = 0;
  try {
    std::rethrow_exception (ep);
  } catch (const BadShape &e) {
    code = e.code;
  }
  CHECK (code == 9);

  // iostreams and strings.
  std::ostringstream os;
  os << r->name () << ':' << r->area () << ' ' << t.name () << ':' << t.area ();
  std::cout << "shapes " << os.str () << std::endl;
  CHECK (os.str () == "rect:12 tri:15");

  // A dlopen'ed module: a class derived in it, exceptions from it.
  if (argc > 1)
    {
      void *h = dlopen (argv[1], RTLD_NOW);
      auto mk = h ? (Shape *(*) (long)) dlsym (h, "plugin_make") : nullptr;
      auto th = h ? (void (*) (long)) dlsym (h, "plugin_throw") : nullptr;
      auto ti = h ? (void (*) (int)) dlsym (h, "plugin_throw_int") : nullptr;
      CHECK (mk && th && ti);
      if (mk && th && ti)
        {
          std::unique_ptr<Shape> s (mk (5));
          CHECK (s->area () == 25 && s->name () == "square" && is_rect (s.get ())
                 && dynamic_cast<Rect *> (s.get ()) != nullptr);
          code = 0;
          try {
            th (77);
          } catch (const BadShape &e) {
            code = e.code;
          }
          try {
            ti (8);
          } catch (int i) {
            code += i;
          }
          CHECK (code == 85);
        }
    }
  return checks_failed ();
}
