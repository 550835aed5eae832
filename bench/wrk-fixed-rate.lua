-- Fixed-rate pacing for plain wrk (Debian ships wrk, not wrk2).
--
-- Usage:  wrk -t T -c C -d D --latency -s wrk-fixed-rate.lua URL -- <total requests/s> <T>
--
-- wrk calls delay() on a connection each time it is about to send a request (and once after
-- connecting); the connection then sleeps for the returned number of milliseconds. Here every
-- wrk thread owns a schedule of send slots spaced 1000 * T / rate ms apart (its share of the
-- target rate). Each call hands the calling connection the next free slot, so a thread sends
-- at its share of the rate for as long as it has idle connections, whatever the latency.
-- If the thread fell behind (all its connections were busy), the late slots are sent at once
-- until the schedule is caught up, so the achieved rate stays on target.
--
-- Limits: wrk truncates the delay to whole milliseconds (slots can fire up to 1 ms early,
-- i.e. small bursts; the long-run rate is unaffected), and latency is timed from the moment
-- the request is written, not from its scheduled slot (no full coordinated-omission
-- correction as in wrk2). Enough connections must be given that they are rarely all busy.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec_t;
  int clock_gettime(int clock_id, bench_timespec_t *tp);
]]

local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec_t")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local interval_ms -- gap between two sends of this thread
local next_slot   -- time of this thread's next free send slot

-- Runs once per wrk thread, in that thread's own Lua state. args[0] is the URL, then the
-- arguments given after "--": the total target rate and the wrk thread count (-t).
function init(args)
  local rate = tonumber(args[#args - 1])
  local threads = tonumber(args[#args])
  if rate == nil or rate <= 0 or threads == nil or threads < 1 then
    error("wrk-fixed-rate.lua: pass the total rate and the thread count after --, e.g. -- 5000 2")
  end
  interval_ms = 1000 * threads / rate
end

function delay()
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + interval_ms
  if slot <= now then
    return 0
  end
  return slot - now
end
