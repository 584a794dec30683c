-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- wrk script for bench/server/run.sh: GET a deck, or PUT deck revisions that
-- follow the ETag, optionally paced to a fixed total rate.
--
-- Configured through the environment (wrk loads this file once for its main
-- state and once per thread; each reads the same variables):
--   BENCH_MODE      get | put
--   BENCH_URL_PATH  /api/v1/orgs/<orgId>/decks
--   BENCH_DECKS     deck ids, space-separated. get: the first one. put: one
--                   per thread, and run.sh gives each thread one connection, so
--                   every deck has exactly one writer and a PUT never races.
--   BENCH_TOKEN     session token (Authorization: Bearer …)
--   BENCH_BODY      put: file with the deck JSON to send
--   BENCH_RATE      total requests per second over all threads; 0 = unpaced
--   BENCH_THREADS   the -t given to wrk (to split BENCH_RATE per thread)
--
-- Pacing. Debian's wrk has no -R (that is wrk2), but it calls delay() before
-- every request of a connection when the script defines it. Each thread keeps
-- a schedule of send slots 1/(rate per thread) apart on the monotonic clock;
-- a connection ready to send claims the next free slot and waits for it. With
-- enough connections the offered load is the target rate. A slot missed
-- because every connection was still waiting on the server is dropped, not
-- caught up, and wrk times each request from when it is written: the
-- latencies are those of the requests that were sent (coordinated omission),
-- and the achieved rate, printed next to them, shows when sends were missed.
--
-- done() prints one line "BENCH key=value …" that run.sh parses.

local mode = os.getenv("BENCH_MODE") or "get"
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local token = os.getenv("BENCH_TOKEN") or ""
local basePath = os.getenv("BENCH_URL_PATH") or ""
local deckIds = {}
for id in (os.getenv("BENCH_DECKS") or ""):gmatch("%S+") do
    deckIds[#deckIds + 1] = id
end

-- Main state: one entry per thread, to collect the counters in done().
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
    thread:set("threadIndex", #threads)
end

-- Thread state. Globals, so that done() can read them with thread:get().
ok = 0          -- 2xx
conflicts = 0   -- 412 (put)
other = 0       -- any other status
local path, getRequest, bodyTemplate
local etag = "1"
local saves = 0

function init(args)
    local index = threadIndex or 1
    if mode == "put" then
        path = basePath .. "/" .. deckIds[index]
        local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
        bodyTemplate = f:read("*a")
        f:close()
    else
        path = basePath .. "/" .. deckIds[1]
        getRequest = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
    end
end

if mode == "put" then
    -- Each save changes the deck's first title, as an edit would.
    function request()
        saves = saves + 1
        local body = bodyTemplate:gsub('"title": "', '"title": "save ' .. saves .. ' · ', 1)
        return wrk.format("PUT", path, {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
            ["If-Match"] = '"' .. etag .. '"',
        }, body)
    end

    function response(status, headers, body)
        if status >= 200 and status < 300 then
            ok = ok + 1
        elseif status == 412 then
            conflicts = conflicts + 1
        else
            other = other + 1
        end
        for name, value in pairs(headers) do
            if name:lower() == "etag" then
                etag = value:match('"(%d+)"') or etag
            end
        end
    end
else
    function request()
        return getRequest
    end
end

if rate > 0 then
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct { long tv_sec; long tv_nsec; } slidespec_bench_timespec;
        int clock_gettime(int clock, slidespec_bench_timespec *tp);
    ]]
    local ts = ffi.new("slidespec_bench_timespec")
    local CLOCK_MONOTONIC = 1
    local function nowMs()
        ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
        return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
    end
    local interval = 1000 * nthreads / rate -- ms between sends of one thread
    local nextSlot = nil

    function delay()
        local now = nowMs()
        if nextSlot == nil or nextSlot < now then
            nextSlot = now
        end
        local wait = nextSlot - now
        nextSlot = nextSlot + interval
        return math.floor(wait)
    end
end

function done(summary, latency, requests)
    local sumOk, sumConflicts, sumOther = 0, 0, 0
    for _, t in ipairs(threads) do
        sumOk = sumOk + (t:get("ok") or 0)
        sumConflicts = sumConflicts + (t:get("conflicts") or 0)
        sumOther = sumOther + (t:get("other") or 0)
    end
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "BENCH requests=%d seconds=%.3f rate=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f " ..
        "non2xx3xx=%d socket_errors=%d timeouts=%d bytes=%d ok=%d conflicts=%d other=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000,
        e.status, e.connect + e.read + e.write, e.timeout, summary.bytes,
        sumOk, sumConflicts, sumOther))
end
