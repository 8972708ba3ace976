-- wrk script for part (3) of `make bench`: valid submissions, each request used once.
--
-- benchmarks/run.py writes, per wrk thread N, requests-N.bin (complete HTTP requests, each with its
-- own CSRF cookie, form token and solved proof-of-work) and lengths-N.txt (their sizes in bytes).
-- A form token and a proof-of-work are single-use: a thread that runs out starts again from its
-- first request, whose answers are then refused and counted as errors (run.py says so).

local threads = {}
local count = 0

function setup(thread)
  thread:set("id", count)
  table.insert(threads, thread)
  count = count + 1
end

function init(args)
  local directory = args[1]
  local sizes = io.open(directory .. "/lengths-" .. id .. ".txt"):read("*a")
  local data = io.open(directory .. "/requests-" .. id .. ".bin", "rb"):read("*a")
  prepared = {}
  local offset = 1
  for size in sizes:gmatch("%d+") do
    size = tonumber(size)
    prepared[#prepared + 1] = data:sub(offset, offset + size - 1)
    offset = offset + size
  end
  sent = 0
  reused = 0
  statuses = {}
end

function request()
  sent = sent + 1
  if sent > #prepared then
    reused = reused + 1
    return prepared[(sent - 1) % #prepared + 1]
  end
  return prepared[sent]
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals, reuses = {}, 0
  for _, thread in ipairs(threads) do
    for status, number in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + number
    end
    reuses = reuses + thread:get("reused")
  end
  io.write("STATUSES")
  for status, number in pairs(totals) do
    io.write(" ", status, "=", number)
  end
  io.write("\nREUSED ", reuses, "\nDURATION_US ", summary.duration, "\n")
end
