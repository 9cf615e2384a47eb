-- Shared by the write scenarios: session tokens of seeded users (one per
-- line in the file named by $BENCH_TOKENS) and the range of idea ids.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local ideas = tonumber(os.getenv("BENCH_IDEAS"))
local first = tonumber(os.getenv("BENCH_FIRST_IDEA") or "1")
-- Seeded per thread (each has its own Lua state) from the clock.
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

function pick_token() return tokens[math.random(#tokens)] end
function pick_idea() return first + math.random(ideas) - 1 end
