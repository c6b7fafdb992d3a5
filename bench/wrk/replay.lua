-- Replays precomputed SigV4-signed requests (written by iamlocal-bench.jar wire).
--
--   wrk -t2 -c32 -d10s --latency -s bench/wrk/replay.lua http://127.0.0.1:PORT -- data.tsv [data2.tsv ...]
--
-- A data file holds one request per line: method, path, body, then header name/value pairs, all
-- tab-separated. init() turns them into a table of {method, path, headers, body} and pre-formats
-- each with wrk.format, so request() only hands out strings. (The requests are read from a data
-- file rather than written into this script as one table constructor, because LuaJIT caps the
-- constants of one chunk well below 10,000 signed requests.)
--
-- With one data file every thread cycles through all of it, each starting at its own offset. With
-- one file per thread, thread N replays file N, for requests that must not be sent twice by two
-- threads (CreateUser names). done() prints one WRKJSON line with exact counts and percentiles.

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
end

local function split(line)
  local fields = {}
  local start = 1
  while true do
    local tab = string.find(line, "\t", start, true)
    if not tab then
      fields[#fields + 1] = string.sub(line, start)
      return fields
    end
    fields[#fields + 1] = string.sub(line, start, tab - 1)
    start = tab + 1
  end
end

function init(args)
  local file = args[1]
  if #args > 1 then
    file = args[id]
  end
  requests = {}
  formatted = {}
  for line in io.lines(file) do
    local f = split(line)
    local headers = {}
    for i = 4, #f - 1, 2 do
      headers[f[i]] = f[i + 1]
    end
    local r = { method = f[1], path = f[2], headers = headers, body = f[3] }
    requests[#requests + 1] = r
    formatted[#formatted + 1] = wrk.format(r.method, r.path, r.headers, r.body)
  end
  count = #formatted
  if #args > 1 then
    position = 0
  else
    position = ((id - 1) * 7919) % count
  end
end

function request()
  position = position + 1
  if position > count then
    position = 1
  end
  return formatted[position]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"timeouts":%d,"non_2xx_3xx":%d,"latency_mean_us":%.1f,"latency_max_us":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9)))
end
