-- wrk script for scripts/bench's publish storm: each request a random path from the file given
-- after the URL (one a line), then scripts/bench.lua's JSON report.
local paths = {}

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"p90_us": %d, "p999_us": %d, "max_us": %d, ', latency:percentile(90), latency:percentile(99.9), latency.max))
  io.write(string.format(
    '"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
