-- tables, sort with comparators (callbacks from C), metatables, gc
local t = {}
for i = 1, 10000 do t[i] = (i * 7919) % 10007 end
table.sort(t)
for i = 2, #t do assert(t[i - 1] <= t[i]) end
table.sort(t, function(a, b) return a > b end)
for i = 2, #t do assert(t[i - 1] >= t[i]) end
local recs = {}
for i = 1, 500 do recs[i] = {name = "n" .. (i % 37), id = i} end
table.sort(recs, function(a, b) if a.name ~= b.name then return a.name < b.name end return a.id < b.id end)
assert(recs[1].name == "n0" and recs[1].id == 37)
assert(table.concat({1, 2, 3}, "-") == "1-2-3")
local u = table.pack(table.unpack({1, nil, 3}, 1, 3)); assert(u.n == 3)
table.move(t, 1, 10, 1, u)
assert(#table.move({1, 2, 3}, 1, 3, 2) == 4)
-- metatables: __index chains, __call, __eq, __lt, __len, __concat
local Base = {}; Base.__index = Base
function Base.new(v) return setmetatable({v = v}, Base) end
function Base:get() return self.v end
local Derived = setmetatable({}, {__index = Base}); Derived.__index = Derived
function Derived.new(v) return setmetatable(Base.new(v), Derived) end
function Derived:get() return Base.get(self) * 2 end
assert(Derived.new(21):get() == 42)
local V = {}
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__len = function(a) return a.x end
V.__concat = function(a, b) return "V" .. (type(a) == "table" and a.x or a) .. (type(b) == "table" and b.x or b) end
V.__call = function(self, y) return self.x + y end
local v1, v2 = setmetatable({x = 1}, V), setmetatable({x = 1}, V)
assert(v1 == v2 and not (v1 < v2) and #v1 == 1 and v1(4) == 5 and (v1 .. "z") == "V1z")
-- weak tables and finalizers
local weak = setmetatable({}, {__mode = "k"})
local finalized = 0
for i = 1, 100 do weak[setmetatable({}, {__gc = function() finalized = finalized + 1 end})] = i end
collectgarbage(); collectgarbage()
assert(next(weak) == nil and finalized == 100, finalized)
collectgarbage("generational"); for i = 1, 100000 do local _ = {i} end; collectgarbage("incremental")
assert(collectgarbage("count") > 0)
-- closures and upvalues
local function counter() local c = 0; return function() c = c + 1; return c end end
local c1, c2 = counter(), counter()
c1(); c1(); assert(c1() == 3 and c2() == 1)
-- load with env, string.dump round trip
local env = {x = 5}
assert(load("return x * 2", "chunk", "t", env)() == 10)
local f = load(string.dump(function(a) return a + 1 end)); assert(f(1) == 2)
print("tables ok")
