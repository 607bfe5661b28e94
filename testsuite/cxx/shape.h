// The interface of libshape.so (testsuite/cxx): classes with virtual
// functions defined on both sides of a shared-library boundary, an
// exception type thrown by the library, a template instantiated in the
// library and in its users (vague linkage: one canonical descriptor).
#ifndef SHAPE_H
#define SHAPE_H
#include <functional>
#include <stdexcept>
#include <string>

struct Shape {
  virtual ~Shape ();
  virtual long area () const = 0;
  virtual std::string name () const { return "shape"; }
  long twice () const { return 2 * area (); }
};

struct Rect : Shape {
  long w, h;
  Rect (long w_, long h_) : w (w_), h (h_) {}
  long area () const override;
  std::string name () const override;
};

struct BadShape : std::runtime_error {
  long code;
  BadShape (const char *what, long c) : std::runtime_error (what), code (c) {}
};

// Defined in the library.
Shape *make_rect (long w, long h);
long total_area (Shape *const *shapes, int n);     // virtual calls into callers' classes
void throw_bad (long code);                        // throws BadShape
long call_through (const std::function<long (long)> &f, long x);
long sort_and_sum (long *v, int n, int (*cmp) (const void *, const void *)); // C qsort inside
bool is_rect (const Shape *s);                     // dynamic_cast in the library
const std::type_info &rect_type ();
long (Shape::*area_member ()) () const;            // pointer to a virtual member
long (Shape::*twice_member ()) () const;           // pointer to a non-virtual member
void *lib_address_of_twice_template ();
extern int lib_ctor_order[4];
extern int lib_ctor_count;

template <typename T> T twice_t (T x) { return x + x; }
#endif
