-- require of a C module (dlopen), C<->Lua callbacks and errors
package.cpath = arg[1] .. "/?.so"
local m = require("cmod")
assert(m.twice(21) == 42)
local r = m.map({1, 2, 3}, function(x) return x * 10 end)
assert(r[1] == 10 and r[3] == 30)
local ok, e = pcall(m.fail, 5); assert(not ok and e:find("cmod failure 5"))
ok, e = pcall(m.map, {1, 2}, function(x) error("cb " .. x) end); assert(not ok and e:find("cb 1"))
local st, v = m.protected(function() error("inner") end); assert(st == false and v:find("inner"))
st, v = m.protected(function() return "fine" end); assert(st == true and v == "fine")
for i = 1, 50 do local b = m.box(i); assert(b:get() == i) end
collectgarbage(); collectgarbage(); assert(m.gcs() == 50, m.gcs())
assert(m.add(2, 3) == 5 and m.mul(2, 3) == 6)
ok, e = pcall(m.twice, "x"); assert(not ok and e:find("number expected"))
local t = {3, 1, 2}; m.sort(t); assert(t[1] == 1 and t[3] == 3)
-- a coroutine that yields between C calls
local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(m.twice(i)) end end)
assert(co() == 2 and co() == 4 and co() == 6)
print("cmod ok")
