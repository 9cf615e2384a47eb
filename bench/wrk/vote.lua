-- PUT or DELETE /api/v1/ideas/{id}/vote by many users (bearer sessions).
dofile(os.getenv("BENCH_WRK") .. "/tokens.lua")
request = function()
  local method = math.random(2) == 1 and "PUT" or "DELETE"
  return wrk.format(method, "/api/v1/ideas/" .. pick_idea() .. "/vote",
    { ["Authorization"] = "Bearer " .. pick_token() })
end
