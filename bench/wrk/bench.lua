-- The 1 KiB loads of bench/run.sh, for wrk (https://github.com/wg/wrk):
--   wrk -t2 -c32 -d10s -s bench/wrk/bench.lua http://127.0.0.1:PORT -- get PREFIX KEYS [AUTHORIZATION]
--   wrk -t2 -c32 -d10s -s bench/wrk/bench.lua http://127.0.0.1:PORT -- put PREFIX BYTES [AUTHORIZATION]
-- get: GETs of PREFIX..i for a random i below KEYS, the requests formatted once, beforehand.
-- put: PUTs of BYTES bytes to PREFIX.."t"..thread.."-"..n, a new key every request.
-- At the end it prints one line, "wrk-result name=value ...", for dev.gofer.bench.Wrk to read.
-- Requests are built in Lua only where they must differ (a new key), so that the client spends as
-- little of the shared CPU as it can.

local threads = 0

function setup(thread)
	thread:set("thread_id", threads)
	threads = threads + 1
end

local gets, prefix, headers, body, sent

function init(args)
	local mode = args[1]
	prefix = args[2]
	headers = {}
	if args[4] ~= nil and args[4] ~= "" then
		headers["Authorization"] = args[4]
	end
	if mode == "get" then
		gets = {}
		for i = 0, tonumber(args[3]) - 1 do
			gets[#gets + 1] = wrk.format("GET", prefix .. i, headers)
		end
		math.randomseed(thread_id * 7919 + 17)
	elseif mode == "put" then
		headers["Content-Type"] = "application/octet-stream"
		body = string.rep("g", tonumber(args[3]))
		prefix = prefix .. "t" .. thread_id .. "-"
		sent = 0
	else
		error("bench.lua: the first argument is get or put, not " .. tostring(mode))
	end
end

function request()
	if gets ~= nil then
		return gets[math.random(#gets)]
	end
	sent = sent + 1
	return wrk.format("PUT", prefix .. sent, headers, body)
end

function done(summary, latency, requests)
	local errors = summary.errors
	io.write(string.format("wrk-result requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d"
		.. " p50_us=%d p90_us=%d p99_us=%d max_us=%d\n", summary.requests, summary.duration, errors.connect,
		errors.read, errors.write, errors.status, errors.timeout, latency:percentile(50), latency:percentile(90),
		latency:percentile(99), latency.max))
end
