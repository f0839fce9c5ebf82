"""Interop test: the real openlineage-python client (OpenLineageClient + HttpTransport) against meshreg.

Emits a pipeline as an integration would: a job reading the registered Kafka topic of the
orders.order-events contract (Domains/orders/contracts) and writing a Postgres table with schema
and columnLineage facets, START then COMPLETE (and COMPLETE again, as a client retry). Then reads
the lineage back over HTTP as Marquez clients do and asks /api/v1/impact what dropping
customer_id breaks. Run by run-openlineage.sh with MESHREG_URL and MESHREG_TOKEN; exits non-zero on failure.
"""

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import column_lineage_dataset, schema_dataset
from openlineage.client.transport.http import ApiKeyTokenProvider, HttpConfig, HttpTransport
from openlineage.client.uuid import generate_new_uuid

from checklist import Checklist

URL = os.environ["MESHREG_URL"]
TOKEN = os.environ["MESHREG_TOKEN"]
TOPIC = ("kafka://kafka-1.retail.internal:9092", "orders.order-events.v1")
TABLE = ("postgres://analytics-db:5432", "analytics.public.order_facts")
PRODUCER = "https://github.com/meshreg/meshreg/tree/main/Tests/Interop"
checklist = Checklist("openlineage interop", floor=16)
check = checklist.check




def http(method, path, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(URL + path, data=data, method=method,
                                     headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def emit_pipeline():
    client = OpenLineageClient(transport=HttpTransport(HttpConfig(
        url=URL, endpoint="api/v1/lineage", auth=ApiKeyTokenProvider({"apiKey": TOKEN}))))
    run = Run(runId=str(generate_new_uuid()))
    job = Job(namespace="airflow-interop", name="orders_dag.build_order_facts")
    source = InputDataset(namespace=TOPIC[0], name=TOPIC[1])
    schema = schema_dataset.SchemaDatasetFacet(fields=[
        schema_dataset.SchemaDatasetFacetFields(name="order_id", type="text"),
        schema_dataset.SchemaDatasetFacetFields(name="customer", type="text"),
        schema_dataset.SchemaDatasetFacetFields(name="total", type="numeric(12,2)"),
    ])
    def field(name):
        return column_lineage_dataset.InputField(namespace=TOPIC[0], name=TOPIC[1], field=name)
    columns = column_lineage_dataset.ColumnLineageDatasetFacet(fields={
        "order_id": column_lineage_dataset.Fields(inputFields=[field("order_id")], transformationType="IDENTITY", transformationDescription="copied"),
        "customer": column_lineage_dataset.Fields(inputFields=[field("customer_id")], transformationType="IDENTITY", transformationDescription="renamed"),
        "total": column_lineage_dataset.Fields(inputFields=[field("total_amount")], transformationType="", transformationDescription="summed"),
    })
    target = OutputDataset(namespace=TABLE[0], name=TABLE[1], facets={"schema": schema, "columnLineage": columns})
    start = RunEvent(eventType=RunState.START, eventTime="2025-11-28T09:15:02.431Z", run=run, job=job, producer=PRODUCER,
                     inputs=[source], outputs=[])
    complete = RunEvent(eventType=RunState.COMPLETE, eventTime="2025-11-28T09:16:40.002Z", run=run, job=job, producer=PRODUCER,
                        inputs=[source], outputs=[target])
    client.emit(start)
    client.emit(complete)
    client.emit(complete)  # a client retry: accepted again, nothing duplicated
    return run.runId


def main():
    run_id = emit_pipeline()
    check(True, "openlineage-python emitted START, COMPLETE and a resent COMPLETE without an error")

    status, run = http("GET", f"/api/v1/lineage/runs/{run_id}")
    check(status == 200 and run.get("status") == "COMPLETE", f"the run merged to COMPLETE: {status} {run}")
    check(run.get("inputs") == 1 and run.get("outputs") == 1, "the run has its START input and its COMPLETE output")

    query = urllib.parse.urlencode({"nodeId": f"dataset:{TABLE[0]}:{TABLE[1]}", "depth": 4})
    status, lineage = http("GET", f"/api/v1/lineage?{query}")
    check(status == 200, f"GET /api/v1/lineage?{query} answers 200 (got {status})")
    nodes = {node["id"]: node for node in lineage.get("graph", [])} if isinstance(lineage, dict) else {}
    kinds = {node["type"] for node in nodes.values()}
    check({"DATASET", "JOB", "PORT", "PRODUCT"} <= kinds, f"the Marquez graph holds datasets, the job, the port and the product: {sorted(kinds)}")
    table = [n for n in nodes.values() if n["type"] == "DATASET" and n["data"].get("namespace") == TABLE[0]]
    check(len(table) == 1 and len(table[0]["inEdges"]) == 1, "the table (namespace with colons) has one incoming edge, from the job")
    check("product:online-orders" in nodes, "the topic joins the online-orders product through its output port's server")

    status, impact = http("POST", "/api/v1/impact", {"contractId": "orders.order-events", "version": "1.1.0", "properties": ["customer_id"]})
    check(status == 200 and impact.get("breaks") is True, f"dropping customer_id breaks something downstream: {status}")
    products = impact.get("products", [])
    distances = [p["distance"] for p in products]
    check(distances == sorted(distances), "impacted products are ordered by distance")
    check(products and products[0]["id"] == "order-history" and products[0]["team"] == "order-platform",
          f"the nearest impacted product is order-history of order-platform: {products[:1]}")
    check({"order-history", "user-features"} <= {p["id"] for p in products}, "order-history and user-features read the topic")
    columns = impact.get("columns", [])
    check(any(c.get("namespace") == TABLE[0] and c.get("field") == "customer" and c.get("distance") == 1 for c in columns),
          "the table's customer column reads the dropped customer_id")
    check(not any(c.get("field") in ("order_id", "total") for c in columns), "columns that do not read customer_id are not impacted")
    check({"order-platform", "reco-features"} <= set(impact.get("teams", [])), f"the owning teams are named: {impact.get('teams')}")

    contract = open("Domains/orders/contracts/orders.order-events-v1.1.0.odcs.yaml", encoding="utf-8").read()
    start, end = contract.index("      - id: customer_id_prop"), contract.index("      - id: sales_channel_prop")
    proposed = (contract[:start] + contract[end:]).replace("version: 1.1.0", "version: 1.2.0")
    status, proposal = http("POST", "/api/v1/impact", proposed.encode(), "application/yaml")
    check(status == 200 and proposal.get("broken", [{}])[0].get("properties") == ["customer_id"],
          f"a proposed contract without customer_id breaks exactly customer_id: {status} {proposal.get('broken')}")
    check(any(c.get("field") == "customer" for c in proposal.get("columns", [])), "the proposed contract reaches the same column")

    checklist.finish()


if __name__ == "__main__":
    main()
