-- wrk script for Benchmarks/ccompat: POSTs the same Confluent request body, read from the file
-- MESHREG_BODY_FILE, with the token MESHREG_TOKEN (a registration that finds its schema, or a lookup).
local file = assert(io.open(os.getenv("MESHREG_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MESHREG_TOKEN")
