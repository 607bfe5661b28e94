-- make bench's Lua workload of calls: recursion and a comparator closure
-- called by table.sort; few allocations.  The output must be the same on
-- both toolchains.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t = {}
for i = 1, 20000 do t[i] = (i * 7919) % 10007 end
table.sort(t, function(a, b) return a > b end)
print(fib(25), t[1], t[#t])
