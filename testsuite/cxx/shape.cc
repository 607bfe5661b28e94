// libshape.so of testsuite/cxx.
#include <cstdlib>
#include <typeinfo>
#include "shape.h"

int lib_ctor_order[4];
int lib_ctor_count;
namespace {
struct Rec { Rec (int id) { lib_ctor_order[lib_ctor_count++] = id; } };
Rec r1 (1), r2 (2);    // static constructors, in order
}

Shape::~Shape () {}
long Rect::area () const { return w * h; }
std::string Rect::name () const { return "rect"; }

Shape *make_rect (long w, long h) { return new Rect (w, h); }

long total_area (Shape *const *shapes, int n)
{
  long s = 0;
  for (int i = 0; i < n; i++)
    s += shapes[i]->area ();
  return s;
}

void throw_bad (long code)
{
  throw BadShape ("bad shape", code);
}

long call_through (const std::function<long (long)> &f, long x) { return f (x); }

long sort_and_sum (long *v, int n, int (*cmp) (const void *, const void *))
{
  qsort (v, n, sizeof *v, cmp);
  long s = 0;
  for (int i = 0; i < n; i++)
    s = s * 10 + v[i];
  return s;
}

bool is_rect (const Shape *s) { return dynamic_cast<const Rect *> (s) != nullptr; }
const std::type_info &rect_type () { return typeid (Rect); }
long (Shape::*area_member ()) () const { return &Shape::area; }
long (Shape::*twice_member ()) () const { return &Shape::twice; }
void *lib_address_of_twice_template () { return (void *) &twice_t<long>; }
