"""Interop test: the real Confluent Python client (confluent-kafka) against meshreg's
/apis/ccompat/v7, including a subject a published contract drives (its projection). Run by Tests/Interop/run-confluent.sh, which starts the server and passes
MESHREG_URL, MESHREG_ADMIN_TOKEN and MESHREG_OWNER_TOKEN (david.kim, team order-platform).
Exits non-zero on the first failure."""
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.common.serde import RuleConditionError
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.rules.cel.cel_executor import CelExecutor
from confluent_kafka.serialization import MessageField, SerializationContext, SerializationError

from checklist import Checklist

URL = os.environ["MESHREG_URL"].rstrip("/") + "/apis/ccompat/v7"
ADMIN_TOKEN = os.environ["MESHREG_ADMIN_TOKEN"]
OWNER_TOKEN = os.environ["MESHREG_OWNER_TOKEN"]

# Basic auth with the token as password (what Kafka clients are usually configured with) ...
admin = SchemaRegistryClient({"url": URL, "basic.auth.user.info": "kafka-client:" + ADMIN_TOKEN})
# ... and a bearer token through the client's static-token provider.
owner = SchemaRegistryClient({
    "url": URL,
    "bearer.auth.credentials.source": "STATIC_TOKEN",
    "bearer.auth.token": OWNER_TOKEN,
    "bearer.auth.logical.cluster": "meshreg",
    "bearer.auth.identity.pool.id": "meshreg",
})


def record(*fields):
    return json.dumps({"type": "record", "name": "OrderEvent", "namespace": "com.retail.orders", "fields": list(fields)})


V1 = record({"name": "event_id", "type": "string"}, {"name": "order_id", "type": "string"})
V2 = record({"name": "event_id", "type": "string"}, {"name": "order_id", "type": "string"},
            {"name": "channel", "type": "string", "default": "web"})
BREAKING = record({"name": "event_id", "type": "string"}, {"name": "total", "type": "double"})

checklist = Checklist("confluent-kafka interop", floor=49, stop_at_first_failure=True)
check = checklist.check


def refused(call, status, code, what):
    try:
        call()
    except SchemaRegistryError as error:
        check(error.http_status_code == status and error.error_code == code,
              f"{what} (got {error.http_status_code}/{error.error_code}: {error.error_message})")
        return
    check(False, f"{what} (no error raised)")


def same_schema(text, expected):
    return json.loads(text) == json.loads(expected)


# The orders topic's subject belongs to order-platform and its contract drives it: loading the
# mesh registered the projections of orders.order-events 1.0.0 and 1.1.0 as versions 1 and 2.
# The owner may register the contract's schema by hand, not one that disagrees with it.
orders_subject = "orders.order-events.v1-value"
check(admin.get_versions(orders_subject) == [1, 2], "the shipped contract's two versions are the subject's versions 1 and 2")
orders_latest = admin.get_latest_version(orders_subject)
orders_schema = Schema(orders_latest.schema.schema_str, "AVRO")
check(owner.register_schema(orders_subject, orders_schema) == orders_latest.schema_id,
      "the owner registering the contract's schema by hand (bearer token) gets the projection's id")
check(SchemaRegistryClient({"url": URL, "basic.auth.user.info": "x:" + OWNER_TOKEN}).register_schema(orders_subject, orders_schema) == orders_latest.schema_id,
      "... and so with the token as the basic-auth password")
refused(lambda: owner.register_schema(orders_subject, Schema(V1, "AVRO")), 409, 409,
        "a hand-made schema that disagrees with the driving contract is refused with 409")
check(admin.get_versions(orders_subject) == [1, 2], "neither added a version")

# The registry's mechanics on a subject no contract names, which only an admin writes.
subject = "interop.order-events-value"
refused(lambda: owner.register_schema(subject, Schema(V1, "AVRO")), 403, 40301, "a subject no contract names needs an admin")
id1 = admin.register_schema(subject, Schema(V1, "AVRO"))
check(isinstance(id1, int) and id1 > 0, f"register_schema returns an id ({id1})")
check(SchemaRegistryClient({"url": URL, "basic.auth.user.info": "x:" + ADMIN_TOKEN}).register_schema(subject, Schema(V1, "AVRO")) == id1,
      "re-registering the same schema returns the same id")
found = admin.lookup_schema(subject, Schema(V1, "AVRO"))
check(found.schema_id == id1 and found.version == 1 and found.subject == subject, "lookup_schema finds version 1")
latest = admin.get_latest_version(subject)
check(latest.version == 1 and latest.schema_id == id1 and same_schema(latest.schema.schema_str, V1), "get_latest_version")
id2 = admin.register_schema(subject, Schema(V2, "AVRO"))
check(id2 != id1, "a compatible new version gets a new id")
check(admin.get_versions(subject) == [1, 2], "get_versions lists 1 and 2")
check(admin.get_version(subject, 1).schema_id == id1, "get_version(1)")
check(same_schema(admin.get_schema(id1).schema_str, V1), "get_schema by id")
check(admin.get_schema(id1).schema_type == "AVRO", "get_schema reports AVRO")
check(admin.test_compatibility(subject, Schema(BREAKING, "AVRO")) is False, "test_compatibility: a new field without default is incompatible")
check(admin.test_compatibility(subject, Schema(V2, "AVRO"), version=1) is True, "test_compatibility against version 1")
refused(lambda: admin.register_schema(subject, Schema(BREAKING, "AVRO")), 409, 409, "an incompatible schema is refused with 409")
refused(lambda: admin.register_schema(subject, Schema("{\"type\": \"nope\"}", "AVRO")), 422, 42201, "an invalid schema is refused with 42201")
refused(lambda: admin.get_version(subject, 9), 404, 40402, "an unknown version is 40402")
refused(lambda: admin.get_latest_version("nobody-value"), 404, 40401, "an unknown subject is 40401")

admin.set_compatibility(subject, "FULL")
check(admin.get_compatibility(subject) == "FULL", "set_compatibility / get_compatibility on a subject")
admin.set_compatibility(level="BACKWARD_TRANSITIVE")
check(admin.get_compatibility() == "BACKWARD_TRANSITIVE", "set_compatibility / get_compatibility globally (admin)")
refused(lambda: owner.set_compatibility(level="NONE"), 403, 40301, "the global level needs an admin")
admin.set_compatibility(level="BACKWARD")
refused(lambda: owner.register_schema("marketing.audiences-value", Schema(V1, "AVRO")), 403, 40301,
        "a subject of no team of the caller is forbidden")

# Deletes: versions, then the subject, soft first and then permanent.
refused(lambda: admin.delete_version(subject, 2, permanent=True), 404, 40407, "a permanent delete needs a soft delete first")
check(admin.delete_version(subject, 2) == 2, "delete_version (soft)")
check(admin.get_versions(subject) == [1], "a soft-deleted version is hidden")
check(admin.delete_version(subject, 2, permanent=True) == 2, "delete_version (permanent)")
refused(lambda: admin.delete_subject(subject, permanent=True), 404, 40405, "a permanent subject delete needs a soft delete first")
check(admin.delete_subject(subject) == [1], "delete_subject (soft)")
check(subject not in admin.get_subjects(), "a soft-deleted subject is not listed")
check(subject in admin.get_subjects(deleted=True), "... unless deleted=true")
check(admin.delete_subject(subject, permanent=True) == [1], "delete_subject (permanent)")
check(subject not in admin.get_subjects(deleted=True), "a permanently deleted subject is gone")

# The Avro serde round trip, without a broker: the serializer probes /associations (404), falls
# back to TopicNameStrategy and auto-registers; the deserializer fetches the schema by id.
serializer = AvroSerializer(admin, V2, conf={"auto.register.schemas": True})
deserializer = AvroDeserializer(admin)
context = SerializationContext("interop.orders", MessageField.VALUE)
event = {"event_id": "e-1", "order_id": "WEB-0000000001", "channel": "app"}
payload = serializer(event, context)
check(payload[0] == 0 and int.from_bytes(payload[1:5], "big") > 0, "the serializer writes the magic byte and a schema id")
registered_id = int.from_bytes(payload[1:5], "big")
check(admin.get_latest_version("interop.orders-value").schema_id == registered_id, "the serializer auto-registered interop.orders-value")
check(deserializer(payload, context) == event, "AvroDeserializer reads back what AvroSerializer wrote")

# A new Kafka contract drives its topic: publishing it through the REST API registers its
# projection on <topic>-value, which the client fetches and uses to produce.
PROJECTED_TOPIC = "orders.projected-events.v1"
PROJECTED_CONTRACT = {
    "apiVersion": "v3.2.0", "kind": "DataContract", "id": "orders.projected-events", "name": "Projected events",
    "version": "1.0.0", "status": "active", "domain": "orders", "team": {"name": "order-platform"},
    "servers": [{"server": "kafka-prod", "type": "kafka", "format": "avro",
                 "customProperties": [{"property": "topic", "value": PROJECTED_TOPIC}]}],
    "schema": [{"name": "projected_event", "physicalName": PROJECTED_TOPIC, "properties": [
        {"name": "order_id", "logicalType": "string", "required": True, "classification": "restricted", "tags": ["PII"]},
        {"name": "amount", "logicalType": "number", "physicalType": "double", "required": True},
        {"name": "placed_at", "logicalType": "timestamp", "physicalType": "timestamp-millis", "required": True},
        {"name": "status", "logicalType": "string", "required": True, "enum": [{"value": "PLACED"}, {"value": "PAID"}]},
        {"name": "lines", "logicalType": "array", "required": True, "items": {"logicalType": "object", "properties": [
            {"name": "sku", "logicalType": "string", "required": True},
            {"name": "quantity", "logicalType": "integer", "required": True}]}},
        {"name": "note", "logicalType": "string", "logicalTypeOptions": {"maxLength": 20}},
    ]}],
    "slaProperties": [{"property": "availability", "value": 99.9, "unit": "%"}],
}
request = urllib.request.Request(os.environ["MESHREG_URL"].rstrip("/") + "/api/v1/contracts/orders.projected-events", method="PUT",
                                 data=json.dumps(PROJECTED_CONTRACT).encode(),
                                 headers={"Authorization": "Bearer " + OWNER_TOKEN, "Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request) as answer:
        status, body = answer.status, ""
except urllib.error.HTTPError as error:
    status, body = error.code, error.read().decode()
check(status == 201, f"the contract is published (HTTP {status} {body})")
projected_subject = PROJECTED_TOPIC + "-value"
latest = admin.get_latest_version(projected_subject)
projected = json.loads(latest.schema.schema_str)
check(latest.version == 1 and latest.schema.schema_type == "AVRO", "publishing registered version 1 of the projected subject")
check([field["name"] for field in projected["fields"]] == ["order_id", "amount", "placed_at", "status", "lines", "note"],
      "the projected schema has the contract's fields in order")
check(projected["fields"][5]["type"] == ["null", "string"] and projected["fields"][3]["type"]["type"] == "enum",
      "an optional property is a null union, allowed values an Avro enum")

check(latest.schema.metadata is not None and latest.schema.metadata.properties.properties.get("contract") == "orders.projected-events@1.0.0",
      "the projected version's metadata names the contract version")

# The client produces with the subject's latest schema (no auto-registration), running the
# contract's rules the projection stored (CEL), and a fresh deserializer reads the record back
# through the id in the frame.
CelExecutor.register()
producer = AvroSerializer(admin, latest.schema.schema_str, conf={"auto.register.schemas": False, "use.latest.version": True})
projected_context = SerializationContext(PROJECTED_TOPIC, MessageField.VALUE)
placed = datetime.datetime(2025, 11, 28, 9, 30, tzinfo=datetime.timezone.utc)
projected_event = {"order_id": "WEB-0000000042", "amount": 129.98, "placed_at": placed, "status": "PAID",
                   "lines": [{"sku": "SKU-1", "quantity": 2}], "note": None}
framed = producer(projected_event, projected_context)
check(int.from_bytes(framed[1:5], "big") == latest.schema_id, "the producer frames the record with the projected schema's id")
reader = SchemaRegistryClient({"url": URL, "basic.auth.user.info": "kafka-client:" + ADMIN_TOKEN})
check(AvroDeserializer(reader)(framed, projected_context) == projected_event, "AvroDeserializer reads the record back field for field")
try:
    producer(dict(projected_event, note="a note longer than twenty characters"), projected_context)
    check(False, "a record breaking the contract's maxLength is refused by the client's CEL rule")
except SerializationError as error:
    check(isinstance(error.__cause__, RuleConditionError), f"a record breaking the contract's maxLength is refused by the client's CEL rule ({error.__cause__!r})")
check(owner.register_schema(projected_subject, Schema(latest.schema.schema_str, "AVRO")) == latest.schema_id,
      "registering the projection itself by hand returns its id")
differs = dict(projected, fields=projected["fields"][:5])
refused(lambda: owner.register_schema(projected_subject, Schema(json.dumps(differs), "AVRO")), 409, 409,
        "a hand-registered schema without the contract's field 'note' is refused with 409")
check(admin.get_versions(projected_subject) == [1], "the refused schema left no version behind")

checklist.finish()
