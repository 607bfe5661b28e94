-- deep recursion leaves N CallInfo records; the GC's luaE_shrinkCI then
-- frees every other one (lstate.c), fragmenting the heap.
local N = tonumber(arg[1])
local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end
print(f(N))
collectgarbage(); collectgarbage()
print(f(N))
collectgarbage(); collectgarbage()
