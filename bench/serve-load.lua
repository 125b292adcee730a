-- wrk script for the Sitrep API (see README, "Benchmarks"): GET /api/attacks with the dashboard's kinds of filters,
-- each request with its own random dates over the store `serve-load` builds (2016-01-01 on, one day per 30 reports).
-- wrk -t2 -c50 -d20s --latency -s bench/serve-load.lua http://127.0.0.1:PORT
local days = tonumber(os.getenv("SITREP_BENCH_DAYS") or "5000")
local towns = { "Kyiv", "Kharkiv", "Odesa", "Dnipro", "Sumy", "Kherson", "Lviv", "Poltava", "Belgorod", "Kursk" }
local first = os.time({ year = 2016, month = 1, day = 1, hour = 12 })

local function day(offset)
  return os.date("!%Y-%m-%d", first + offset * 86400)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local d = math.random(0, days - 1)
  local kind = math.random(0, 6)
  local path
  if kind == 0 then
    path = "/api/attacks?limit=50"
  elseif kind == 1 then
    path = "/api/attacks?since=" .. day(d) .. "&until=" .. day(d + 30) .. "&limit=50"
  elseif kind == 2 then
    path = "/api/attacks?attacker=RU&weapon=drone&min-launched=20&since=" .. day(d) .. "&until=" .. day(d + 365)
  elseif kind == 3 then
    path = "/api/attacks?target=RU&since=" .. day(d) .. "&limit=25"
  elseif kind == 4 then
    path = "/api/attacks?place=" .. towns[math.random(1, #towns)] .. "&limit=25"
  elseif kind == 5 then
    path = "/api/attacks?sort=killed&since=" .. day(d) .. "&until=" .. day(d + 365) .. "&limit=25"
  else
    path = "/api/attacks?weapon=shahed&since=" .. day(d) .. "&until=" .. day(d + 30)
  end
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip, br" })
end
