"""Interop test: schema references and data-contract rules with the real Confluent Python client
(confluent-kafka with its avro, protobuf and rules extras) against meshreg's /apis/ccompat/v7:

- Avro: a Customer whose `home` is a named type registered in another subject, serialized with
  `auto.register.schemas=False, use.latest.version=True` and read back by a deserializer that
  resolves the reference from the registry;
- Protobuf: the serializer registers the imported file itself, as a reference, and a fresh
  deserializer loads both in the serialized format;
- a CEL CONDITION rule stored by meshreg and enforced by the client: a record that breaks it
  fails with the client's rule error, a good one passes.

Run by Tests/Interop/run-confluent-contracts.sh, which starts the server and passes MESHREG_URL
and MESHREG_ADMIN_TOKEN. Exits non-zero on the first failure."""
import json
import os
import sys
import tempfile

import grpc_tools
from grpc_tools import protoc
from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.common.serde import RuleConditionError
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.schema_registry.rules.cel.cel_executor import CelExecutor
from confluent_kafka.schema_registry.rules.cel.cel_field_executor import CelFieldExecutor
from confluent_kafka.serialization import MessageField, SerializationContext, SerializationError

from checklist import Checklist

URL = os.environ["MESHREG_URL"].rstrip("/") + "/apis/ccompat/v7"
ADMIN_TOKEN = os.environ["MESHREG_ADMIN_TOKEN"]
HERE = os.path.dirname(os.path.abspath(__file__))

checklist = Checklist("confluent contracts interop", floor=16, stop_at_first_failure=True)
check = checklist.check
CelExecutor.register()
CelFieldExecutor.register()


def client():
    """A fresh client, so schemas come from the server and not from another client's cache."""
    return SchemaRegistryClient({"url": URL, "basic.auth.user.info": "kafka-client:" + ADMIN_TOKEN})


def refused(call, code):
    """Whether `call` fails with the registry error `code`."""
    try:
        call()
    except SchemaRegistryError as error:
        return error.error_code == code
    return False


# --- Avro: a named type referenced from another subject ---------------------------------------
registry = client()
ADDRESS = json.dumps({"type": "record", "name": "Address", "namespace": "com.acme",
                      "fields": [{"name": "street", "type": "string"}, {"name": "city", "type": "string"}]})
CUSTOMER = json.dumps({"type": "record", "name": "Customer", "namespace": "com.acme",
                       "fields": [{"name": "id", "type": "string"}, {"name": "home", "type": "com.acme.Address"}]})
address_id = registry.register_schema("interop.address-value", Schema(ADDRESS, "AVRO"))
reference = SchemaReference("com.acme.Address", "interop.address-value", 1)
customer_id = registry.register_schema("interop.customers-value", Schema(CUSTOMER, "AVRO", [reference]))
check(customer_id != address_id, f"a schema with a reference to another subject registers ({customer_id})")
latest = client().get_latest_version("interop.customers-value")
check([(r.name, r.subject, r.version) for r in latest.schema.references] == [("com.acme.Address", "interop.address-value", 1)],
      "the latest version carries the reference")
check(client().get_referenced_by("interop.address-value", 1) == [customer_id], "referencedby lists the referring schema")
check(refused(lambda: client().delete_version("interop.address-value", 1), 42206),
      "deleting the referenced version is refused with 42206")

customers = SerializationContext("interop.customers", MessageField.VALUE)
serializer = AvroSerializer(client(), None, conf={"auto.register.schemas": False, "use.latest.version": True})
customer = {"id": "c-1", "home": {"street": "Main St 1", "city": "Lyon"}}
payload = serializer(customer, customers)
check(payload[0] == 0 and int.from_bytes(payload[1:5], "big") == customer_id,
      "the Avro serializer uses the latest version, resolving its reference, and frames the record with its id")
check(AvroDeserializer(client())(payload, customers) == customer,
      "a deserializer that fetches the writer schema and its reference reads the record back")

# --- Protobuf: the serializer registers the imported file as a reference itself ----------------
generated = tempfile.mkdtemp()
include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
status = protoc.main(["protoc", f"-I{HERE}/protobuf", f"-I{include}", f"--python_out={generated}",
                      "customer.proto", "acme/address.proto"])
check(status == 0, "protoc generates Python classes for customer.proto and the address.proto it imports")
sys.path.insert(0, generated)
import customer_pb2  # noqa: E402

proto_context = SerializationContext("interop.customers.proto", MessageField.VALUE)
proto_serializer = ProtobufSerializer(customer_pb2.Customer, client(), {"use.deprecated.format": False})
message = customer_pb2.Customer(id="c-2")
message.home.street = "Rue 2"
message.home.city = "Paris"
proto_payload = proto_serializer(message, proto_context)
proto_latest = client().get_latest_version("interop.customers.proto-value")
check([r.name for r in proto_latest.schema.references] == ["acme/address.proto"],
      "the Protobuf serializer registered the import and referenced it")
check(client().get_latest_version("acme/address.proto").schema.schema_type == "PROTOBUF",
      "the imported file is a subject of its own")
proto_reader = ProtobufDeserializer(customer_pb2.Customer, {"use.deprecated.format": False}, client())
check(proto_reader(proto_payload, proto_context) == message,
      "a deserializer that loads the writer schema and its import in the serialized format reads the message back")

# --- A CEL CONDITION rule stored by meshreg and enforced by the client ---------------------------
PAYMENT = json.dumps({"type": "record", "name": "Payment", "namespace": "com.acme",
                      "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": "double"}]})
rule_set = {"domainRules": [{"name": "amountPositive", "kind": "CONDITION", "mode": "WRITE", "type": "CEL",
                             "expr": "message.amount > 0.0", "onFailure": "ERROR"}]}
registry.register_schema("interop.payments-value", Schema.from_dict(
    {"schema": PAYMENT, "schemaType": "AVRO", "metadata": {"properties": {"owner": "payments-team"}}, "ruleSet": rule_set}))
stored = client().get_latest_version("interop.payments-value").schema
check(stored.rule_set is not None and [rule.name for rule in stored.rule_set.domain_rules] == ["amountPositive"],
      "the rule set is stored and served")
check(client().get_latest_with_metadata("interop.payments-value", {"owner": "payments-team"}).version == 1,
      "the latest version with given metadata is found")
check(refused(lambda: registry.register_schema("interop.broken-value", Schema.from_dict(
    {"schema": PAYMENT, "schemaType": "AVRO",
     "ruleSet": {"domainRules": [{"name": "broken", "kind": "CONDITION", "mode": "WRITE", "type": "CEL", "expr": "message.amount >"}]}})),
    42201), "a CEL rule that does not compile is refused with 42201")

payments = SerializationContext("interop.payments", MessageField.VALUE)
rule_serializer = AvroSerializer(client(), None, conf={"auto.register.schemas": False, "use.latest.version": True})
good = rule_serializer({"id": "p-1", "amount": 12.5}, payments)
check(good[0] == 0 and len(good) > 5, "a record that satisfies the rule is serialized")
failures = 0
for amount in (-3.0, 0.0):
    try:
        rule_serializer({"id": "p-bad", "amount": amount}, payments)
    except SerializationError as error:
        if isinstance(error.__cause__, RuleConditionError):
            failures += 1
        print(f"     the client refused amount={amount}: {error.__cause__!r}")
check(failures == 2, f"both records that break the rule fail with the client's rule error ({failures} of 2)")
check(AvroDeserializer(client())(good, payments) == {"id": "p-1", "amount": 12.5}, "the good record reads back")

checklist.finish()
