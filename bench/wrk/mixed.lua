-- 90 % reads (lists of each sort, idea pages), 10 % votes.
dofile(os.getenv("BENCH_WRK") .. "/tokens.lua")
local sorts = { "trending", "top", "new", "discussed" }
request = function()
  local roll = math.random(100)
  if roll <= 10 then
    local method = math.random(2) == 1 and "PUT" or "DELETE"
    return wrk.format(method, "/api/v1/ideas/" .. pick_idea() .. "/vote",
      { ["Authorization"] = "Bearer " .. pick_token() })
  elseif roll <= 55 then
    return wrk.format("GET", "/api/v1/ideas?limit=20&sort=" .. sorts[math.random(#sorts)])
  else
    return wrk.format("GET", "/api/v1/ideas/" .. pick_idea())
  end
end
