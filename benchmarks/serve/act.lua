-- wrk script: POST /act with one of the agent's views per request (progress 0..5, busy 0..1), a fresh handoff id each.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"handoffId":"load-%d","features":{"progress":%d},"privateState":%d}', n, n % 6, n % 2)
  return wrk.format(nil, "/act", nil, body)
end
