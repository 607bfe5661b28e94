/* A C module loaded by require (dlopen): a luaL_Reg function table,
   callbacks into Lua, errors raised from C (longjmp across C frames),
   userdata with a __gc metamethod, and a C function pointer in an upvalue. */
#include <string.h>
#include "lua.h"
#include "lauxlib.h"

static int twice(lua_State *L) { lua_pushinteger(L, 2 * luaL_checkinteger(L, 1)); return 1; }
static int map(lua_State *L) {          /* map(t, f): calls f for each */
  luaL_checktype(L, 1, LUA_TTABLE); luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_Integer n = luaL_len(L, 1);
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_pushvalue(L, 2); lua_geti(L, 1, i); lua_call(L, 1, 1); lua_seti(L, -2, i);
  }
  return 1;
}
static int fail(lua_State *L) { return luaL_error(L, "cmod failure %d", (int)luaL_optinteger(L, 1, 7)); }
static int protected(lua_State *L) {    /* pcall from C of a Lua function */
  lua_pushvalue(L, 1);
  int st = lua_pcall(L, 0, 1, 0);
  lua_pushboolean(L, st == LUA_OK); lua_insert(L, -2);
  return 2;
}
static int gc_count;
static int box_gc(lua_State *L) { (void)L; gc_count++; return 0; }
static int box_get(lua_State *L) { lua_pushinteger(L, *(lua_Integer *)luaL_checkudata(L, 1, "cmod.box")); return 1; }
static int box(lua_State *L) {
  lua_Integer *p = lua_newuserdatauv(L, sizeof *p, 0); *p = luaL_checkinteger(L, 1);
  luaL_setmetatable(L, "cmod.box"); return 1;
}
static int gcs(lua_State *L) { lua_pushinteger(L, gc_count); return 1; }
typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int apply(lua_State *L) {
  binop f = *(binop *)lua_touserdata(L, lua_upvalueindex(1));
  lua_pushinteger(L, f((int)luaL_checkinteger(L, 1), (int)luaL_checkinteger(L, 2)));
  return 1;
}
static int sorter(lua_State *L) {       /* table.sort with a C comparator */
  lua_getglobal(L, "table"); lua_getfield(L, -1, "sort");
  lua_pushvalue(L, 1); lua_pushcfunction(L, twice); lua_pop(L, 1);
  lua_call(L, 1, 0); lua_pop(L, 1); return 0;
}
static const luaL_Reg funcs[] = {
  {"twice", twice}, {"map", map}, {"fail", fail}, {"protected", protected},
  {"box", box}, {"gcs", gcs}, {"sort", sorter}, {NULL, NULL}
};
int luaopen_cmod(lua_State *L) {
  static const luaL_Reg boxm[] = {{"__gc", box_gc}, {"get", box_get}, {NULL, NULL}};
  luaL_newmetatable(L, "cmod.box"); luaL_setfuncs(L, boxm, 0);
  lua_pushvalue(L, -1); lua_setfield(L, -2, "__index"); lua_pop(L, 1);
  luaL_newlib(L, funcs);
  static binop ops[] = {add, mul};
  static const char *names[] = {"add", "mul"};
  for (int i = 0; i < 2; i++) {
    binop *u = lua_newuserdatauv(L, sizeof *u, 0); *u = ops[i];
    lua_pushcclosure(L, apply, 1); lua_setfield(L, -2, names[i]);
  }
  return 1;
}
