"""Interop test: the real Confluent Python client (confluent-kafka) against meshreg's
/apis/ccompat/v7. Run by Tests/Interop/run-confluent.sh, which starts the server and passes
MESHREG_URL, MESHREG_ADMIN_TOKEN and MESHREG_OWNER_TOKEN (david.kim, team order-platform).
Exits non-zero on the first failure."""
import json
import os
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.serialization import MessageField, SerializationContext

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

checklist = Checklist("confluent-kafka interop", floor=32, stop_at_first_failure=True)
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


# A topic subject owned by order-platform, written with its owner's bearer token.
subject = "orders.order-events.v1-value"
id1 = owner.register_schema(subject, Schema(V1, "AVRO"))
check(isinstance(id1, int) and id1 > 0, f"register_schema returns an id ({id1})")
check(SchemaRegistryClient({"url": URL, "basic.auth.user.info": "x:" + OWNER_TOKEN}).register_schema(subject, Schema(V1, "AVRO")) == id1,
      "re-registering the same schema returns the same id")
found = owner.lookup_schema(subject, Schema(V1, "AVRO"))
check(found.schema_id == id1 and found.version == 1 and found.subject == subject, "lookup_schema finds version 1")
latest = admin.get_latest_version(subject)
check(latest.version == 1 and latest.schema_id == id1 and same_schema(latest.schema.schema_str, V1), "get_latest_version")
id2 = owner.register_schema(subject, Schema(V2, "AVRO"))
check(id2 != id1, "a compatible new version gets a new id")
check(admin.get_versions(subject) == [1, 2], "get_versions lists 1 and 2")
check(admin.get_version(subject, 1).schema_id == id1, "get_version(1)")
check(same_schema(admin.get_schema(id1).schema_str, V1), "get_schema by id")
check(admin.get_schema(id1).schema_type == "AVRO", "get_schema reports AVRO")
check(admin.test_compatibility(subject, Schema(BREAKING, "AVRO")) is False, "test_compatibility: a new field without default is incompatible")
check(admin.test_compatibility(subject, Schema(V2, "AVRO"), version=1) is True, "test_compatibility against version 1")
refused(lambda: owner.register_schema(subject, Schema(BREAKING, "AVRO")), 409, 409, "an incompatible schema is refused with 409")
refused(lambda: owner.register_schema(subject, Schema("{\"type\": \"nope\"}", "AVRO")), 422, 42201, "an invalid schema is refused with 42201")
refused(lambda: admin.get_version(subject, 9), 404, 40402, "an unknown version is 40402")
refused(lambda: admin.get_latest_version("nobody-value"), 404, 40401, "an unknown subject is 40401")

owner.set_compatibility(subject, "FULL")
check(owner.get_compatibility(subject) == "FULL", "set_compatibility / get_compatibility on a subject")
admin.set_compatibility(level="BACKWARD_TRANSITIVE")
check(admin.get_compatibility() == "BACKWARD_TRANSITIVE", "set_compatibility / get_compatibility globally (admin)")
refused(lambda: owner.set_compatibility(level="NONE"), 403, 40301, "the global level needs an admin")
admin.set_compatibility(level="BACKWARD")
refused(lambda: owner.register_schema("marketing.audiences-value", Schema(V1, "AVRO")), 403, 40301,
        "a subject of no team of the caller is forbidden")

# Deletes: versions, then the subject, soft first and then permanent.
refused(lambda: owner.delete_version(subject, 2, permanent=True), 404, 40407, "a permanent delete needs a soft delete first")
check(owner.delete_version(subject, 2) == 2, "delete_version (soft)")
check(admin.get_versions(subject) == [1], "a soft-deleted version is hidden")
check(owner.delete_version(subject, 2, permanent=True) == 2, "delete_version (permanent)")
refused(lambda: owner.delete_subject(subject, permanent=True), 404, 40405, "a permanent subject delete needs a soft delete first")
check(owner.delete_subject(subject) == [1], "delete_subject (soft)")
check(subject not in admin.get_subjects(), "a soft-deleted subject is not listed")
check(subject in admin.get_subjects(deleted=True), "... unless deleted=true")
check(owner.delete_subject(subject, permanent=True) == [1], "delete_subject (permanent)")
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

checklist.finish()
