-- wrk reporter for scripts/bench: one JSON line with the run's counts and latency percentiles.
-- wrk's status errors are responses >= 400; scripts/bench checks beforehand that each URL
-- answers 200, not a redirect, so they are the run's non-2xx answers.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
