-- make bench's Lua workload of allocations: strings built, concatenated
-- and scanned, the table growing (malloc, realloc and free of the C
-- library).  The output must be the same on both toolchains.
local s = {}
for i = 1, 20000 do s[#s + 1] = string.format("%d:%s", i, tostring(i * i)) end
local joined = table.concat(s, ",")
local count = 0
for _ in joined:gmatch("%d+:") do count = count + 1 end
print(#joined, count)
