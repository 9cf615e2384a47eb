-- GET /api/v1/ideas/{id} for random ids.
dofile(os.getenv("BENCH_WRK") .. "/tokens.lua")
request = function()
  return wrk.format("GET", "/api/v1/ideas/" .. pick_idea())
end
