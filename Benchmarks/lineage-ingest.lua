-- wrk script for Benchmarks/lineage: POSTs distinct OpenLineage RunEvents (a new runId per
-- request, so none is an idempotent resend), each reading a Kafka topic and writing a table.
local counter = 0

local next_thread = 0
thread_id = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("MESHREG_TOKEN")
end

request = function()
  counter = counter + 1
  local run = string.format("%08x-0000-4000-8000-%012x", thread_id, counter)
  local body = '{"eventTime":"2025-11-28T09:15:02.431Z","producer":"https://example.com/bench",'
    .. '"schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent","eventType":"COMPLETE",'
    .. '"run":{"runId":"' .. run .. '"},"job":{"namespace":"bench","name":"job_' .. (counter % 100) .. '"},'
    .. '"inputs":[{"namespace":"kafka://kafka-1.retail.internal:9092","name":"orders.order-events.v1"}],'
    .. '"outputs":[{"namespace":"postgres://bench-db:5432","name":"bench.public.t' .. (counter % 1000) .. '"}]}'
  return wrk.format(nil, nil, nil, body)
end
