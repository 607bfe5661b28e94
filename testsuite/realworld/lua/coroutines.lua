-- coroutines: separate Lua stacks, yields across pcall
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for v in gen(100) do s = s + v end
assert(s == 5050)
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local ok, e = pcall(function() local d = coroutine.yield(c * 2); error(d) end)
  return ok, e
end)
local ok, v = coroutine.resume(co, 1, 2); assert(ok and v == 3)
ok, v = coroutine.resume(co, 10); assert(ok and v == 20)
local ok2, r1, r2 = coroutine.resume(co, "err"); assert(ok2 and r1 == false and r2:find("err"))
assert(coroutine.status(co) == "dead")
-- error inside a coroutine
co = coroutine.create(function() error("in co") end)
ok, v = coroutine.resume(co); assert(not ok and v:find("in co"))
-- many coroutines alive at once
local cos = {}
for i = 1, 2000 do cos[i] = coroutine.create(function(x) while true do x = coroutine.yield(x + 1) end end) end
local total = 0
for round = 1, 5 do for i = 1, #cos do local _, r = coroutine.resume(cos[i], i); total = total + r end end
assert(total == 5 * (2000 * 2001 / 2 + 2000), total)
-- coroutine.close runs pending to-be-closed variables
local closed = 0
co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() closed = closed + 1 end}); coroutine.yield() end)
coroutine.resume(co); assert(coroutine.close(co)); assert(closed == 1)
-- yield across table.sort comparator is not allowed, and reported
co = coroutine.wrap(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
ok, v = pcall(co); assert(not ok and v:find("yield across"))
print("coroutines ok")
