-- POST /api/v1/ideas/{id}/comments by many users.
dofile(os.getenv("BENCH_WRK") .. "/tokens.lua")
request = function()
  return wrk.format("POST", "/api/v1/ideas/" .. pick_idea() .. "/comments",
    { ["Authorization"] = "Bearer " .. pick_token(), ["Content-Type"] = "application/json" },
    '{"body":"Benchmark comment: we would use this every day."}')
end
