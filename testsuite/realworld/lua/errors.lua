-- error handling: pcall/xpcall/error unwind through longjmp in ldo.c
local ok, e = pcall(error, "boom")
assert(not ok and e == "boom")
ok, e = pcall(function() local x = nil; return x.y end)
assert(not ok and e:find("attempt to index"))
ok, e = pcall(error, {code = 42})
assert(not ok and e.code == 42)
local function deep(n) if n == 0 then error("bottom") end return deep(n - 1) + 1 end
ok, e = pcall(deep, 150)
assert(not ok and e:find("bottom"))
-- stack overflow is caught
local function inf(n) return 1 + inf(n + 1) end
ok, e = pcall(inf, 1)
assert(not ok and e:find("stack overflow"), e)
-- xpcall with a traceback handler
ok, e = xpcall(function() error("tb") end, debug.traceback)
assert(not ok and e:find("stack traceback"))
-- errors in metamethods and in the message handler
local mt = {__add = function() error("in add") end, __index = function(t, k) return k .. "!" end}
local t = setmetatable({}, mt)
ok, e = pcall(function() return t + 1 end)
assert(not ok and e:find("in add"))
assert(t.foo == "foo!")
ok, e = xpcall(error, function(m) error("again") end, "x")
assert(not ok)
-- nested pcall, 1000 times
local n = 0
for i = 1, 1000 do
  local ok2 = pcall(function() pcall(error, i); error(i) end)
  if not ok2 then n = n + 1 end
end
assert(n == 1000)
-- to-be-closed variables run on error
local closed = false
ok = pcall(function()
  local x <close> = setmetatable({}, {__close = function() closed = true end})
  error("close me")
end)
assert(not ok and closed)
-- error with levels and tostring of non-string errors
ok, e = pcall(function() error("lvl", 2) end)
assert(not ok)
ok, e = pcall(function() error(setmetatable({}, {__tostring = function() return "obj" end})) end)
assert(tostring(e) == "obj")
-- load errors
local f, msg = load("return +")
assert(f == nil and msg:find("unexpected symbol"))
print("errors ok")
