-- Lists as signed-in members get them (their own votes marked): a random
-- sort, or with $BENCH_SEARCH set a search for a random topic of the seed.
-- Each is the visitors' cached list marked with the member's own votes and
-- follows (server/src/service/member_lists.rs): a session lookup and one
-- query per request.
dofile(os.getenv("BENCH_WRK") .. "/tokens.lua")
local sorts = { "trending", "top", "new", "discussed" }
local topics = { "dark%20mode", "CSV%20export", "offline%20mode", "keyboard%20shortcuts", "bulk%20editing",
  "calendar%20sync", "custom%20fields", "saved%20filters", "audit%20logs", "mobile%20widgets" }
local search = os.getenv("BENCH_SEARCH") ~= nil
request = function()
  local query = search and ("q=" .. topics[math.random(#topics)])
    or ("sort=" .. sorts[math.random(#sorts)])
  return wrk.format("GET", "/api/v1/ideas?limit=20&" .. query,
    { ["Authorization"] = "Bearer " .. pick_token() })
end
