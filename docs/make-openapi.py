"""Writes the OpenAPI 3.1 document of meshreg's HTTP API: docs/openapi.json, and the same text embedded
in Sources/RegistryAPI/OpenAPIDocument.swift, which `GET /openapi.json` serves. Paths are relative to
this repository; `OpenAPITests` checks the document against the router's routes.

Usage: python3 docs/make-openapi.py            rewrite both files
       python3 docs/make-openapi.py --check    write nothing; exit 1 when either file differs
"""
import json
import sys
from pathlib import Path
problem = {"$ref": "#/components/responses/Problem"}
def resp(desc, schema=None, headers=None):
    r = {"description": desc}
    if schema: r["content"] = {"application/json": {"schema": schema}}
    if headers: r["headers"] = headers
    return r
errors = {k: problem for k in ["400", "401", "403", "404", "409", "412", "415", "422", "503"]}
def errs(*codes): return {c: problem for c in codes}
ref = lambda n: {"$ref": f"#/components/schemas/{n}"}
# An answer the server builds: no other members, and all of them present unless `required` says otherwise.
def closed(properties, required=None):
    return {"type": "object", "required": list(properties) if required is None else required, "properties": properties, "additionalProperties": False}
items_of = lambda schema: closed({"items": {"type": "array", "items": schema}})
param = lambda name, where="path", schema=None, desc="": {"name": name, "in": where, "required": where == "path", "schema": schema or {"type": "string"}, "description": desc}
doc_body = {"required": True, "content": {
    "application/json": {"schema": {"type": "object"}},
    "application/yaml": {"schema": {"type": "string"}}}}
etag = {"ETag": {"schema": {"type": "string"}, "description": "The document's revision, for If-Match."}}
sec = [{"bearer": []}, {"basic": []}]
paths = {
 "/healthz": {"get": {"summary": "Liveness", "security": [], "responses": {"200": resp("alive", ref("Status"))}}},
 "/readyz": {"get": {"summary": "Readiness: the database can be read", "security": [], "responses": {"200": resp("ready", ref("Status")), **errs("503")}}},
 "/openapi.json": {"get": {"summary": "This document", "security": [], "responses": {"200": resp("OpenAPI 3.1", {"type": "object"})}}},
 "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text exposition format", "content": {"text/plain": {"schema": {"type": "string"}}}}, **errs("401")}}},
 "/api/v1/domains": {"get": {"summary": "List domains", "responses": {"200": resp("domains", items_of(ref("DomainSummary"))), **errs("401")}}},
 "/api/v1/domains/{name}": {
   "parameters": [param("name")],
   "get": {"summary": "Get a domain with its teams", "responses": {"200": resp("the domain", ref("Envelope"), etag), **errs("401", "404")}},
   "put": {"summary": "Create or update a domain (platform admins only: a domain file names every team's members)", "requestBody": doc_body,
           "responses": {"200": resp("updated or unchanged", ref("Envelope"), etag), "201": resp("created", ref("Envelope"), etag), **errs("400", "401", "403", "409", "415", "422", "503")}}},
 "/api/v1/teams/{name}": {"parameters": [param("name")], "get": {"summary": "Get a team and its members", "responses": {"200": resp("the team", ref("Team")), **errs("401", "404")}}},
 "/api/v1/products": {"get": {"summary": "List products", "parameters": [
     param("domain", "query"), param("status", "query", {"type": "string", "enum": ["proposed", "draft", "active", "deprecated", "retired"]}),
     param("team", "query"), param("q", "query", desc="text in the id, name, purpose, a tag or an owner's username"),
     param("classification", "query", desc="a classification of one of the product's output ports (public, internal, restricted, pii)"),
     param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000}), param("cursor", "query", desc="nextCursor of the previous page")],
   "responses": {"200": resp("a page of products", ref("ProductPage")), **errs("400", "401")}}},
 "/api/v1/products/{id}": {
   "parameters": [param("id")],
   "get": {"summary": "Get a product (ODPS) in its envelope", "responses": {"200": resp("the product", ref("Envelope"), etag), **errs("401", "404")}},
   "put": {"summary": "Register or update a product", "parameters": [param("If-Match", "header", desc="the ETag last read; 412 when it is stale")],
           "requestBody": doc_body,
           "responses": {"200": resp("updated or unchanged", ref("Envelope"), etag), "201": resp("registered", ref("Envelope"), etag), **errs("400", "401", "403", "409", "412", "415", "422", "503")}},
   "delete": {"summary": "Retire a product (refused while others read it)", "responses": {"200": resp("retired", ref("Envelope"), etag), **errs("401", "403", "404", "409", "503")}}},
 "/api/v1/products/{id}/revisions": {"parameters": [param("id")], "get": {"summary": "A product's revisions, oldest first",
   "responses": {"200": resp("revisions", items_of(ref("RevisionSummary"))), **errs("401", "404")}}},
 "/api/v1/products/{id}/revisions/{revision}": {"parameters": [param("id"), param("revision", schema={"type": "integer", "minimum": 1})],
   "get": {"summary": "One revision of a product", "responses": {"200": resp("the revision", ref("Envelope"), etag), **errs("401", "404")}}},
 "/api/v1/contracts/{id}": {
   "parameters": [param("id")],
   "get": {"summary": "A contract's published versions", "responses": {"200": resp("versions", ref("ContractVersions")), **errs("401", "404")}},
   "put": {"summary": "Publish a contract version (ODCS); the version comes from the document", "requestBody": doc_body,
           "responses": {"200": resp("updated or unchanged", ref("Envelope"), etag), "201": resp("published", ref("Envelope"), etag), **errs("400", "401", "403", "409", "415", "422", "503")}}},
 "/api/v1/access-requests": {
   "get": {"summary": "List access requests, newest first", "parameters": [param("product", "query"), param("team", "query"),
     param("status", "query", {"type": "string", "enum": ["pending", "approved", "rejected", "revoked"]}), param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000})],
     "responses": {"200": resp("requests", items_of(ref("AccessRequest"))), **errs("400", "401")}},
   "post": {"summary": "Request access to an output port for a team, with a purpose (public ports are granted at once)",
     "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["product", "port", "team", "purpose"], "properties": {
        "product": {"type": "string"}, "port": {"type": "string"}, "portVersion": {"type": "string"}, "team": {"type": "string"}, "purpose": {"type": "string"},
        "expires": {"type": "string", "description": "YYYY-MM-DD or RFC 3339"}}}}}},
     "responses": {"201": resp("the request", ref("AccessRequest")), **errs("400", "401", "403", "404", "409", "415", "422", "503")}}},
 "/api/v1/access-requests/{id}": {"parameters": [param("id")], "get": {"summary": "One access request", "responses": {"200": resp("the request", ref("AccessRequest")), **errs("401", "404")}}},
 "/api/v1/access-requests/{id}/approve": {"parameters": [param("id")], "post": {"summary": "Approve (owning team only; access.approve policies apply)", "responses": {"200": resp("the request", ref("AccessRequest")), **errs("401", "403", "404", "409", "422", "503")}}},
 "/api/v1/access-requests/{id}/reject": {"parameters": [param("id")], "post": {"summary": "Reject (owning team only)", "responses": {"200": resp("the request", ref("AccessRequest")), **errs("401", "403", "404", "409", "503")}}},
 "/api/v1/access-requests/{id}/revoke": {"parameters": [param("id")], "post": {"summary": "Revoke a grant or withdraw a request (owning or consumer team)", "responses": {"200": resp("the request", ref("AccessRequest")), **errs("401", "403", "404", "409", "503")}}},
 "/api/v1/policies": {"get": {"summary": "The enforced policy set: version and policies", "responses": {"200": resp("policies", closed({"version": {"type": "string"}, "items": {"type": "array", "items": closed({"name": {"type": "string"}, "description": {"type": "string"},
     "events": {"type": "array", "items": {"type": "string"}}, "validationActions": {"type": "array", "items": {"type": "string"}}, "digest": {"type": ["string", "null"]},
     "document": {"type": "object", "description": "the policy as loaded (canonical form): its CEL match conditions, variables and validations"}})}})), **errs("401")}}},
 "/api/v1/policies/evaluate": {"post": {"summary": "Dry-run the policies of one event on an input; writes nothing",
   "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["event"], "properties": {"event": {"type": "string"}, "input": {"type": "object"}}}}}},
   "responses": {"200": resp("the decision", ref("Decision")), **errs("400", "401", "415", "422")}}},
 "/api/v1/audit": {"get": {"summary": "The audit log, oldest first", "parameters": [param("since", "query"), param("until", "query"), param("actor", "query"), param("domain", "query"),
     param("policy", "query"), param("outcome", "query", {"type": "string", "enum": ["allowed", "warned", "denied", "refused", "failed"]}), param("action", "query"),
     param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000}), param("cursor", "query", {"type": "integer", "minimum": 1})],
   "responses": {"200": resp("entries", closed({"items": {"type": "array", "items": ref("AuditEntry")}, "nextCursor": {"type": ["string", "null"]}})), **errs("400", "401")}}},
 "/api/v1/audit/verify": {"get": {"summary": "Recompute the audit log's hash chain", "responses": {"200": resp("the verification", closed({"intact": {"type": "boolean"}, "entries": {"type": "integer"},
     "firstBroken": closed({"sequence": {"type": "integer"}, "reason": {"type": "string"}})}, required=["intact", "entries"])), **errs("401")}}},
 "/api/v1/audit/violations": {"get": {"summary": "Every current document evaluated against the current policies", "responses": {"200": resp("violations", closed({"policySetVersion": {"type": "string"}, "documents": {"type": "integer"},
     "items": {"type": "array", "items": closed({"kind": {"type": "string"}, "key": {"type": "string"}, "violations": {"type": "array", "items": ref("PolicyViolation")}})}})), **errs("401")}}},
 "/api/v1/compatibility": {"post": {"summary": "Check a proposed schema or contract without writing: an ODCS contract against its registered major line (with the semver gate), or {type, schema, against, mode}",
   "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {
       "type": {"type": "string", "enum": ["avro", "json", "protobuf", "odcs"]}, "mode": {"type": "string", "enum": ["NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"]},
       "schema": {}, "against": {"type": "array"}}}}, "application/yaml": {"schema": {"type": "string"}}}},
   "responses": {"200": resp("the compatibility report", ref("CompatibilityReport")), **errs("400", "401", "415", "422")}}},
 "/api/v1/contracts/{id}/versions/{version}": {
   "parameters": [param("id"), param("version")],
   "get": {"summary": "One contract version (ODCS) in its envelope", "responses": {"200": resp("the contract version", ref("Envelope"), etag), **errs("401", "404")}},
   "delete": {"summary": "Retire a contract version (refused while products use it)", "responses": {"200": resp("retired", ref("Envelope"), etag), **errs("401", "403", "404", "409", "503")}}},
}
# The Confluent-compatible schema registry (/apis/ccompat/v7): Confluent's request and response
# bodies, errors as {error_code, message} with the HTTP status = the code's first three digits.
cc = "/apis/ccompat/v7"
cc_type = "application/vnd.schemaregistry.v1+json"
def cc_resp(desc, schema):
    return {"description": desc, "content": {cc_type: {"schema": schema}, "application/json": {"schema": schema}}}
# Every ccompat operation may answer 400 to a body or parameter it cannot read.
def cc_errs(*codes): return {c: {"$ref": "#/components/responses/ConfluentError"} for c in ("400",) + codes}
cc_body = lambda schema: {"required": True, "content": {cc_type: {"schema": schema}, "application/json": {"schema": schema}}}
# As Confluent reads them: `true` in any case is true, any other value false.
flag = lambda name, desc: param(name, "query", {"type": "string"}, desc + " (true in any case; anything else is false)")
format_q = param("format", "query", {"type": "string"}, desc="serialized: a Protobuf schema as a base64 FileDescriptorProto; otherwise as stored")
subject_p = param("subject", desc="e.g. <topic>-value; writes need the team owning the topic's contract, else an admin")
version_p = param("version", desc="a version number, `latest` or `-1`")
id_p = param("id", schema={"type": "integer", "minimum": 1})
ints = {"type": "array", "items": {"type": "integer"}}
level = {"type": "string", "enum": ["NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"]}
mode_body = {"type": "object", "required": ["mode"], "properties": {"mode": {"type": "string", "enum": ["READWRITE", "READONLY"]}}}
mode_answer = closed({"mode": {"type": "string", "enum": ["READWRITE", "READONLY"]}})
compat = closed({"is_compatible": {"type": "boolean"}, "messages": {"type": "array", "items": {"type": "string"}}}, required=["is_compatible"])
compat_post = {"summary": "Test a schema's compatibility (verbose=true adds messages)", "parameters": [flag("verbose", "list why it is incompatible"), flag("normalize", "")],
    "requestBody": cc_body(ref("ConfluentSchemaRequest")), "responses": {"200": cc_resp("the verdict", compat), **cc_errs("401", "404", "415", "422")}}
paths.update({
 cc + "/subjects": {"get": {"summary": "List subjects", "parameters": [flag("deleted", "include soft-deleted subjects"), flag("deleted_only", "only soft-deleted subjects"),
     param("subjectPrefix", "query"), param("offset", "query", {"type": "integer"}), param("limit", "query", {"type": "integer"})],
   "responses": {"200": cc_resp("subject names", {"type": "array", "items": {"type": "string"}}), **cc_errs("401")}}},
 cc + "/subjects/{subject}": {"parameters": [subject_p],
   "post": {"summary": "Look up a schema in a subject", "parameters": [flag("normalize", "match by the Avro Parsing Canonical Form"), flag("deleted", "include soft-deleted versions")],
            "requestBody": cc_body(ref("ConfluentSchemaRequest")), "responses": {"200": cc_resp("the version holding it", ref("ConfluentSubjectVersion")), **cc_errs("401", "404", "415", "422")}},
   "delete": {"summary": "Soft-delete a subject, or with permanent=true remove a soft-deleted one", "parameters": [flag("permanent", "hard delete")],
              "responses": {"200": cc_resp("the deleted versions", ints), **cc_errs("401", "403", "404", "500")}}},
 cc + "/subjects/{subject}/versions": {"parameters": [subject_p],
   "get": {"summary": "A subject's versions", "parameters": [flag("deleted", "include soft-deleted versions")], "responses": {"200": cc_resp("version numbers", ints), **cc_errs("401", "404")}},
   "post": {"summary": "Register a schema (the same schema has the same id in every subject)", "parameters": [flag("normalize", "match by the Avro Parsing Canonical Form or Protobuf's normalized text")],
            "requestBody": cc_body(ref("ConfluentSchemaRequest")),
            "responses": {"200": cc_resp("its global id", closed({"id": {"type": "integer"}})), **cc_errs("401", "403", "409", "415", "422", "500")}}},
 cc + "/subjects/{subject}/versions/{version}": {"parameters": [subject_p, version_p],
   "get": {"summary": "One version", "parameters": [flag("deleted", "include soft-deleted versions"), format_q], "responses": {"200": cc_resp("the version", ref("ConfluentSubjectVersion")), **cc_errs("401", "404", "422")}},
   "delete": {"summary": "Soft-delete a version, or with permanent=true remove a soft-deleted one", "parameters": [flag("permanent", "hard delete")],
              "responses": {"200": cc_resp("the version number", {"type": "integer"}), **cc_errs("401", "403", "404", "422", "500")}}},
 cc + "/subjects/{subject}/versions/{version}/schema": {"parameters": [subject_p, version_p],
   "get": {"summary": "One version's schema, raw", "parameters": [flag("deleted", "include soft-deleted versions")], "responses": {"200": cc_resp("the schema", {}), **cc_errs("401", "404", "422")}}},
 cc + "/subjects/{subject}/versions/{version}/referencedby": {"parameters": [subject_p, version_p],
   "get": {"summary": "Ids of schemas whose live versions reference this version", "parameters": [flag("deleted", "include schemas used only by soft-deleted versions")],
           "responses": {"200": cc_resp("schema ids, ascending", ints), **cc_errs("401", "404", "422")}}},
 cc + "/subjects/{subject}/metadata": {"parameters": [subject_p],
   "get": {"summary": "The latest version whose metadata has every given property",
           "parameters": [{**param("key", "query", {"type": "array", "items": {"type": "string"}}, "a metadata property name; repeat with `value` for each"), "required": True},
                          {**param("value", "query", {"type": "array", "items": {"type": "string"}}, "the value of the `key` at the same position"), "required": True},
                          flag("deleted", "include soft-deleted versions"), format_q],
           "responses": {"200": cc_resp("the version", ref("ConfluentSubjectVersion")), **cc_errs("401", "404")}}},
 cc + "/schemas/ids/{id}": {"parameters": [id_p],
   "get": {"summary": "A schema by global id", "parameters": [param("subject", "query", desc="accepted and ignored: ids are global"), format_q],
           "responses": {"200": cc_resp("the schema", closed({"schema": {"type": "string"}, "schemaType": {"type": "string", "enum": ["JSON", "PROTOBUF"]},
               "references": ref("ConfluentReferences"), "metadata": ref("ConfluentMetadata"), "ruleSet": ref("ConfluentRuleSet")}, required=["schema"])), **cc_errs("401", "404")}}},
 cc + "/schemas/ids/{id}/schema": {"parameters": [id_p], "get": {"summary": "A schema by global id, raw", "responses": {"200": cc_resp("the schema", {}), **cc_errs("401", "404")}}},
 cc + "/schemas/ids/{id}/subjects": {"parameters": [id_p], "get": {"summary": "Subjects using a schema", "parameters": [flag("deleted", "include soft-deleted versions")],
   "responses": {"200": cc_resp("subject names", {"type": "array", "items": {"type": "string"}}), **cc_errs("401", "404")}}},
 cc + "/schemas/ids/{id}/versions": {"parameters": [id_p], "get": {"summary": "Subject versions using a schema", "parameters": [flag("deleted", "include soft-deleted versions")],
   "responses": {"200": cc_resp("subject versions", {"type": "array", "items": closed({"subject": {"type": "string"}, "version": {"type": "integer"}})}), **cc_errs("401", "404")}}},
 cc + "/schemas/types": {"get": {"summary": "Supported schema types", "responses": {"200": cc_resp("AVRO, JSON and PROTOBUF", {"type": "array", "items": {"type": "string"}}), **cc_errs("401")}}},
 cc + "/compatibility/subjects/{subject}/versions/{version}": {"parameters": [subject_p, version_p], "post": compat_post},
 cc + "/compatibility/subjects/{subject}/versions": {"parameters": [subject_p], "post": {**compat_post, "summary": "Test a schema against what registration checks (the latest version, or all under a transitive level)"}},
 cc + "/config": {
   "get": {"summary": "The global config: compatibility level (BACKWARD unless set) and data-contract defaults and overrides", "responses": {"200": cc_resp("the config", ref("ConfluentConfig")), **cc_errs("401")}},
   "put": {"summary": "Change the global config (admin)", "requestBody": cc_body(ref("ConfluentConfigUpdate")),
           "responses": {"200": cc_resp("the settings given", ref("ConfluentConfigUpdate")), **cc_errs("401", "403", "422")}}},
 cc + "/config/{subject}": {"parameters": [subject_p],
   "get": {"summary": "A subject's config", "parameters": [flag("defaultToGlobal", "fall back to the global settings instead of 40408")],
           "responses": {"200": cc_resp("the config", ref("ConfluentConfig")), **cc_errs("401", "404")}},
   "put": {"summary": "Change a subject's config", "requestBody": cc_body(ref("ConfluentConfigUpdate")),
           "responses": {"200": cc_resp("the settings given", ref("ConfluentConfigUpdate")), **cc_errs("401", "403", "422")}},
   "delete": {"summary": "Remove a subject's config", "responses": {"200": cc_resp("the removed config", ref("ConfluentConfig")), **cc_errs("401", "403", "404")}}},
 cc + "/mode": {
   "get": {"summary": "The global mode", "responses": {"200": cc_resp("the mode", mode_answer), **cc_errs("401")}},
   "put": {"summary": "Set the global mode (admin); IMPORT is not supported", "requestBody": cc_body(mode_body), "responses": {"200": cc_resp("the mode set", mode_answer), **cc_errs("401", "403", "422")}}},
 cc + "/mode/{subject}": {"parameters": [subject_p],
   "get": {"summary": "A subject's mode (the global one unless set)", "responses": {"200": cc_resp("the mode", mode_answer), **cc_errs("401")}},
   "put": {"summary": "Set a subject's mode; READONLY refuses registration (42205)", "requestBody": cc_body(mode_body), "responses": {"200": cc_resp("the mode set", mode_answer), **cc_errs("401", "403", "422")}},
   "delete": {"summary": "Remove a subject's mode", "responses": {"200": cc_resp("the removed mode", mode_answer), **cc_errs("401", "403", "404")}}},
})
# Response shapes are closed (additionalProperties: false) wherever the server builds them, so a
# field added to an answer but not here fails the schemathesis run; documents and inputs stay open.
violation = closed({"policy": {"type": "string"}, "severity": {"type": "string"}, "path": {"type": "string"}, "reason": {"type": "string"}, "message": {"type": "string"}},
    required=["policy", "severity", "message"])
violations = {"type": "array", "items": ref("PolicyViolation")}
schemas = {
 "Status": closed({"status": {"type": "string"}}),
 "Problem": closed({
    "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "code": {"type": "string"}, "detail": {"type": "string"},
    "issues": {"type": "array", "items": closed({"pointer": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}, "location": {"type": "string"}},
        required=["pointer", "code", "message"])},
    "dependants": {"type": "array", "items": {"type": "string"}},
    "report": ref("CompatibilityReport"), "suggestedVersion": {"type": "string"}, "decision": ref("Decision"), "violations": violations,
    "requestId": {"type": "string", "description": "on 500 (code internal) and failed readiness: the id under which the server logged the cause"}},
    required=["type", "title", "status", "code", "detail"]),
 "PolicyViolation": violation,
 "Envelope": closed({
    "kind": {"type": "string", "enum": ["domain", "product", "contract"]}, "key": {"type": "string"}, "revision": {"type": "integer", "minimum": 1},
    "registeredAt": {"type": "string", "format": "date-time"}, "registeredBy": {"type": "string"}, "digest": {"type": "string"},
    "change": {"type": "string", "enum": ["created", "updated", "unchanged", "retired"], "description": "what a write did"},
    "warnings": {**violations, "description": "Warn policies a write met"},
    "teams": {"type": "array", "items": ref("Team"), "description": "a domain's teams"},
    "document": {"type": "object", "description": "the ODPS, ODCS or Domain document as registered"}},
    required=["kind", "key", "revision", "registeredAt", "registeredBy", "digest", "document"]),
 "DomainSummary": closed({"name": {"type": "string"}, "description": {"type": ["string", "null"]}, "teams": {"type": "array", "items": {"type": "string"}}}),
 "Team": closed({"name": {"type": "string"}, "domain": {"type": "string"},
    "members": {"type": "array", "items": closed({"username": {"type": "string"}, "role": {"type": "string"}})}}),
 "ProductSummary": closed({"id": {"type": "string"}, "name": {"type": "string"}, "domain": {"type": "string"}, "team": {"type": "string"},
    "version": {"type": "string"}, "status": {"type": "string"}, "revision": {"type": "integer"}, "updatedAt": {"type": "string"},
    "deprecated": {"type": "boolean", "description": "ODPS v1.1.0 `deprecated` on the product"},
    "deprecatedPorts": {"type": "array", "items": {"type": "string"}, "description": "output ports marked deprecated, as name@version"}}),
 "ProductPage": closed({"items": {"type": "array", "items": ref("ProductSummary")}, "nextCursor": {"type": ["string", "null"]}}),
 "RevisionSummary": closed({"revision": {"type": "integer"}, "registeredAt": {"type": "string"}, "registeredBy": {"type": "string"}, "digest": {"type": "string"},
    "version": {"description": "the document's version, null when it has none"}, "status": {"description": "the document's status, null when it has none"}}),
 "CompatibilityReport": closed({
    "mode": {"type": "string"}, "isCompatible": {"type": "boolean"}, "changeClass": {"type": "string", "enum": ["none", "metadata", "additive", "breaking"]},
    "findings": {"type": "array", "items": closed({
        "rule": {"type": "string"}, "oldPath": {"type": ["string", "null"]}, "newPath": {"type": ["string", "null"]}, "expected": {"type": "string"}, "found": {"type": "string"},
        "verdict": {"type": "string", "enum": ["metadata", "additive", "breaking"]}, "message": {"type": "string"}, "direction": {"type": "string"}, "previousIndex": {"type": "integer"}})},
    "contractId": {"type": "string"}, "version": {"type": "string"}, "previousVersion": {"type": ["string", "null"]},
    "semver": closed({"allowed": {"type": "boolean"}, "needed": {"type": "string"}, "suggestedVersion": {"type": "string"}}, required=["allowed"])},
    required=["mode", "isCompatible", "changeClass", "findings"]),
 "AccessRequest": closed({
    "id": {"type": "string"}, "product": {"type": "string"}, "port": {"type": "string"}, "portVersion": {"type": "string"}, "team": {"type": "string"},
    "purpose": {"type": "string"}, "requestedBy": {"type": "string"}, "requestedAt": {"type": "string"}, "expiresAt": {"type": ["string", "null"]},
    "status": {"type": "string", "enum": ["pending", "approved", "rejected", "revoked", "expired"]}, "decidedBy": {"type": ["string", "null"]},
    "decidedAt": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]}, "warnings": {**violations, "description": "Warn policies the request met"}},
    required=["id", "product", "port", "portVersion", "team", "purpose", "requestedBy", "requestedAt", "expiresAt", "status", "decidedBy", "decidedAt", "note"]),
 "Decision": closed({
    "event": {"type": "string"}, "policySetVersion": {"type": "string"}, "outcome": {"type": "string", "enum": ["allowed", "warned", "denied"]},
    "violations": violations, "policies": {"type": "array", "items": closed({"name": {"type": "string"}, "digest": {"type": "string"},
        "outcome": {"type": "string", "enum": ["passed", "violated", "skipped", "error-ignored"]}, "violations": violations,
        "ignoredErrors": {"type": "array", "items": {"type": "string"}}}, required=["name", "digest", "outcome", "violations"])}}),
 "AuditEntry": closed({
    "sequence": {"type": "integer"}, "at": {"type": "string"}, "actor": {"type": "string"}, "action": {"type": "string"}, "targetKind": {"type": "string"},
    "target": {"type": "string"}, "revision": {"type": ["integer", "null"]}, "domain": {"type": ["string", "null"]},
    "outcome": {"type": "string", "enum": ["allowed", "warned", "denied", "refused", "failed"]}, "code": {"type": ["string", "null"]}, "detail": {"type": "object"}}),
 "ContractVersions": closed({"id": {"type": "string"}, "versions": {"type": "array", "items": closed({"version": {"type": "string"}, "status": {"type": "string"}})}}),
 "ConfluentSchemaRequest": {"type": "object", "required": ["schema"], "properties": {"schema": {"type": "string", "description": "the schema as JSON text"},
    "schemaType": {"type": "string", "enum": ["AVRO", "JSON", "PROTOBUF"], "default": "AVRO"},
    "references": {"type": "array", "maxItems": 64, "items": {"type": "object", "required": ["name", "subject", "version"], "properties": {
        "name": {"type": "string", "minLength": 1, "description": "an Avro full name, a JSON Schema $ref address, a Protobuf import path"},
        "subject": {"type": "string", "minLength": 1}, "version": {"type": "integer", "description": "a version number, or -1 for the latest"}}}},
    "metadata": {"type": ["object", "null"], "description": "tags, properties, sensitive; omitted: the previous version's"},
    "ruleSet": {"type": ["object", "null"], "description": "migrationRules and domainRules; CEL and CEL_FIELD expressions must compile"}}},
 "ConfluentSubjectVersion": closed({"subject": {"type": "string"}, "version": {"type": "integer"},
    "id": {"type": "integer"}, "schemaType": {"type": "string", "enum": ["JSON", "PROTOBUF"], "description": "omitted for AVRO"},
    "references": ref("ConfluentReferences"), "metadata": ref("ConfluentMetadata"), "ruleSet": ref("ConfluentRuleSet"), "schema": {"type": "string"}},
    required=["subject", "version", "id", "schema"]),
 "ConfluentReferences": {"type": "array", "description": "omitted when the schema has none", "items": closed({"name": {"type": "string"}, "subject": {"type": "string"}, "version": {"type": "integer"}})},
 "ConfluentMetadata": closed({"tags": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    "properties": {"type": "object", "additionalProperties": {"type": "string"}}, "sensitive": {"type": "array", "items": {"type": "string"}}}, required=[]),
 "ConfluentRule": closed({"name": {"type": "string"}, "doc": {"type": "string"}, "kind": {"type": "string", "enum": ["CONDITION", "TRANSFORM"]},
    "mode": {"type": "string", "enum": ["UPGRADE", "DOWNGRADE", "UPDOWN", "WRITE", "READ", "WRITEREAD"]}, "type": {"type": "string"},
    "tags": {"type": "array", "items": {"type": "string"}}, "params": {"type": "object", "additionalProperties": {"type": "string"}}, "expr": {"type": "string"},
    "onSuccess": {"type": "string"}, "onFailure": {"type": "string"}, "disabled": {"type": "boolean"}}, required=["name", "kind", "mode", "type"]),
 "ConfluentRuleSet": closed({"migrationRules": {"type": "array", "items": ref("ConfluentRule")}, "domainRules": {"type": "array", "items": ref("ConfluentRule")}}, required=[]),
 "ConfluentConfig": closed({"compatibilityLevel": level, "defaultMetadata": ref("ConfluentMetadata"), "overrideMetadata": ref("ConfluentMetadata"),
    "defaultRuleSet": ref("ConfluentRuleSet"), "overrideRuleSet": ref("ConfluentRuleSet")}, required=[]),
 "ConfluentConfigUpdate": {"type": "object", "description": "a data-contract setting left out is kept, null removes it; compatibility is required unless one is given",
    "properties": {"compatibility": level, "defaultMetadata": {"type": ["object", "null"]}, "overrideMetadata": {"type": ["object", "null"]},
                   "defaultRuleSet": {"type": ["object", "null"]}, "overrideRuleSet": {"type": ["object", "null"]}}},
 "ConfluentError": closed({"error_code": {"type": "integer", "description": "e.g. 40401 subject not found; the HTTP status is its first three digits"}, "message": {"type": "string"}}),
}
# Lineage (docs/ARCHITECTURE.md, "Lineage"): OpenLineage ingestion and reads as Marquez, product lineage, column lineage, impact.
depth_param = param("depth", "query", {"type": "integer", "minimum": 0}, "edges to walk; larger values are capped at 20")
paths.update({
 "/api/v1/lineage": {
   "post": {"summary": "Ingest one OpenLineage RunEvent, JobEvent or DatasetEvent (2-0-x), as Marquez does; a resent event is accepted again and changes nothing",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "description": "an OpenLineage event", "required": ["eventTime", "producer", "schemaURL"]}}}},
            "responses": {"201": resp("accepted (empty object)", closed({})), **errs("400", "401", "503")}},
   "get": {"summary": "Marquez's lineage read: the graph around a node, both ways",
           "parameters": [param("nodeId", "query", desc="dataset:NAMESPACE:NAME, job:NAMESPACE:NAME (namespaces may hold colons) or a canonical id such as product:ID"), depth_param],
           "responses": {"200": resp("the graph", ref("MarquezLineage")), **errs("400", "401", "404")}}},
 "/api/v1/lineage/runs/{runId}": {"parameters": [param("runId")], "get": {"summary": "An OpenLineage run's merged state",
   "responses": {"200": resp("the run", ref("LineageRun")), **errs("401", "404")}}},
 "/api/v1/lineage/columns/{contractId}/{version}/{property}": {
   "parameters": [param("contractId"), param("version"), param("property", desc="a property name of the contract's schema, dotted for nested ones")],
   "get": {"summary": "Column lineage of a contract property: the columns it is computed from (upstream) and that are computed from it (downstream), through the datasets of the contract's servers",
           "parameters": [depth_param],
           "responses": {"200": resp("the columns", ref("ColumnLineage")), **errs("400", "401", "404")}}},
 "/api/v1/lineage/{productId}": {"parameters": [param("productId")],
   "get": {"summary": "A product's lineage", "parameters": [
       param("direction", "query", {"type": "string", "enum": ["upstream", "downstream", "both"], "default": "both"}), depth_param,
       param("format", "query", {"type": "string", "enum": ["json", "dot", "mermaid", "svg"], "default": "json"}),
       param("maxNodes", "query", {"type": "integer", "minimum": 1, "maximum": 5000, "default": 500, "description": "svg: above this many nodes, nodes collapse into one box per owning domain"})],
     "responses": {"200": {"description": "the lineage", "content": {"application/json": {"schema": ref("LineageTraversal")},
                      "text/vnd.graphviz": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string", "description": "Mermaid flowchart"}},
                      "image/svg+xml": {"schema": {"type": "string", "description": "a layered left-to-right picture, collapsed by domain above 500 nodes"}}}},
                   **errs("400", "401", "404")}}},
 "/api/v1/whoami": {"get": {"summary": "The caller: user or team, and whether admin (a token, or the web UI's session cookie)",
   "responses": {"200": resp("the caller", {"type": "object", "required": ["name", "admin"], "properties": {"name": {"type": "string"},
       "username": {"type": ["string", "null"]}, "team": {"type": ["string", "null"]}, "admin": {"type": "boolean"}}}), **errs("401")}}},
 "/api/v1/impact": {"post": {"summary": "What a contract change breaks downstream: a proposed ODCS contract (checked against its registered line) or {contractId, version, properties}",
   "requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [{"type": "object", "description": "an ODCS contract"},
       {"type": "object", "required": ["contractId", "version"], "properties": {"contractId": {"type": "string"}, "version": {"type": "string"}, "properties": {"type": "array", "items": {"type": "string"}}}}]}},
       "application/yaml": {"schema": {"type": "string"}}}},
   "responses": {"200": resp("the impact, nearest first", ref("Impact")), **errs("400", "401", "404", "415", "422")}}},
})
lineage_node = closed({"id": {"type": "string"}, "kind": {"type": "string"}, "label": {"type": "string"}, "team": {"type": "string"}, "distance": {"type": "integer"}},
    required=["id", "kind", "label", "distance"])
column = closed({"id": {"type": "string"}, "namespace": {"type": "string"}, "name": {"type": "string"}, "field": {"type": "string"},
    "distance": {"type": "integer"}, "direction": {"type": "string", "enum": ["upstream", "downstream"]}, "product": {"type": ["string", "null"]}}, required=["id"])
marquez_edges = {"type": "array", "items": closed({"origin": {"type": "string"}, "destination": {"type": "string"}})}
schemas.update({
 "LineageTraversal": closed({"root": {"type": "string"}, "direction": {"type": "string"}, "depth": {"type": "integer"}, "nodes": {"type": "array", "items": lineage_node},
    "edges": {"type": "array", "items": closed({"from": {"type": "string"}, "to": {"type": "string"}, "kind": {"type": "string"}})}}),
 "MarquezLineage": closed({"graph": {"type": "array", "items": closed({
    "id": {"type": "string"}, "type": {"type": "string", "enum": ["PRODUCT", "PORT", "CONTRACT", "DATASET", "JOB", "COLUMN", "TEAM"]},
    "data": {"type": "object", "description": "the node's id parts, label and team"}, "inEdges": marquez_edges, "outEdges": marquez_edges})}}),
 "LineageRun": closed({"runId": {"type": "string"}, "job": closed({"namespace": {"type": "string"}, "name": {"type": "string"}}), "status": {"type": "string"},
    "statusTime": {"type": "string"}, "startTime": {"type": ["string", "null"]}, "endTime": {"type": ["string", "null"]}, "inputs": {"type": "integer"}, "outputs": {"type": "integer"}}),
 "ColumnLineage": closed({"contractId": {"type": "string"}, "version": {"type": "string"}, "property": {"type": "string"}, "columns": {"type": "array", "items": column}}),
 "Impact": closed({"breaks": {"type": "boolean"},
    "broken": {"type": "array", "items": closed({"contractId": {"type": "string"}, "version": {"type": "string"}, "properties": {"type": "array", "items": {"type": "string"}}})},
    "products": {"type": "array", "items": closed({"id": {"type": "string"}, "name": {"type": "string"}, "team": {"type": ["string", "null"]},
        "distance": {"type": "integer"}, "ports": {"type": "array", "items": {"type": "string"}}, "columns": {"type": "array", "items": column}})},
    "columns": {"type": "array", "items": column}, "teams": {"type": "array", "items": {"type": "string"}}}),
})
# GitOps: a domain repository's tree applied (or planned) in one transaction.
plan_document = {"type": "object", "required": ["path", "kind", "id", "version", "action", "diff", "findings", "violations", "impact"], "properties": {
    "path": {"type": ["string", "null"]}, "kind": {"type": ["string", "null"]}, "id": {"type": ["string", "null"]}, "version": {"type": ["string", "null"]},
    "action": {"type": "string", "enum": ["add", "change", "unchanged", "retire", "refuse"]},
    "diff": {"type": "array", "items": {"type": "object", "required": ["pointer"], "properties": {"pointer": {"type": "string"}, "old": {}, "new": {}}}},
    "findings": {"type": "array", "items": {"type": "object"}}, "compatibility": {"type": "object"}, "semver": {"type": "object"},
    "violations": {"type": "array", "items": {"type": "object", "required": ["policy", "severity", "message"], "properties": {"policy": {"type": "string"}, "severity": {"type": "string"}, "message": {"type": "string"}}}},
    "impact": {"type": "array", "items": {"type": "object", "required": ["product"], "properties": {"product": {"type": "string"}, "team": {"type": ["string", "null"]},
        "distance": {"type": "integer"}, "ports": {"type": "array", "items": {"type": "string"}}, "columns": {"type": "array", "items": {"type": "string"}}}}},
    "refusal": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "issues": {"type": "array", "items": {"type": "object"}}}}}}
schemas.update({
 "PlannedDocument": plan_document,
 "PlanSummary": {"type": "object", "properties": {a: {"type": "integer"} for a in ["add", "change", "unchanged", "retire", "refuse"]}},
})
plan_properties = {"documents": {"type": "array", "items": ref("PlannedDocument")}, "summary": ref("PlanSummary")}
schemas["ApplyPlan"] = {"type": "object", "required": ["documents", "summary", "applied"], "properties": {**plan_properties, "applied": {"type": "boolean"}}}
# A refused bundle's problem carries the plan that explains it, document by document.
schemas["Problem"]["properties"].update(plan_properties)
paths.update({
 "/api/v1/apply": {"post": {"summary": "Apply a bundle of documents (a domain repository's tree) all or nothing, answering document by document as a plan; dryRun=true only plans. Refused: the problem carries documents and summary",
   "parameters": [param("dryRun", "query", {"type": "boolean", "default": False}, "plan without writing"), param("prune", "query", {"type": "boolean", "default": False}, "retire what the tree's domains no longer contain")],
   "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["documents"], "properties": {"documents": {"type": "array",
       "description": "at most 5,000 documents holding 8 MiB of text; a larger bundle answers 413 bundle-too-large",
       "items": {"type": "object", "required": ["path", "content"], "properties": {"path": {"type": "string", "minLength": 1, "description": "the file's path in the repository; .json is JSON, anything else YAML"}, "content": {"type": "string", "description": "the file's text"}}}}}}}}},
   "responses": {"200": resp("the plan, applied unless dryRun", ref("ApplyPlan")), **errs("400", "401", "403", "409", "413", "422", "503")}}},
})
# Change events (docs/ARCHITECTURE.md, "Change events"): the change log as CloudEvents 1.0, paged, long-polled and as Server-Sent Events.
event_filters = [
    param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}),
    param("types", "query", desc="comma-separated event types, short (product.updated) or full (io.meshreg.product.updated.v1)"),
    param("domain", "query", desc="only events of this domain"),
    param("wait", "query", {"type": "number", "minimum": 0, "maximum": 30}, "seconds to wait for an event when there is none yet")]
paths.update({
 "/api/v1/events": {"get": {"summary": "Change events after a sequence, in commit order, as a CloudEvents JSON batch; refusals and access events only for the domain's teams and admins",
   "parameters": [param("after", "query", {"type": "string", "pattern": "^[0-9]+$"}, "the last sequence seen (default 0)")] + event_filters,
   "responses": {"200": {"description": "the events (possibly none)", "content": {"application/cloudevents-batch+json": {"schema": {"type": "array", "items": ref("CloudEvent")}}}},
                 "410": {"description": "events after `after` were removed by retention; `earliestAvailable` says where reading can resume", "content": {"application/problem+json": {"schema": ref("Problem")}}},
                 **errs("400", "401", "503")}}},
 "/api/v1/events/stream": {"get": {"summary": "The same events as Server-Sent Events, resuming after Last-Event-ID; the response ends after a batch (or 25 s without one) and the client reconnects",
   "parameters": [param("Last-Event-ID", "header", desc="the last sequence received"), param("after", "query", {"type": "string", "pattern": "^[0-9]+$"})] + event_filters,
   "responses": {"200": {"description": "an event stream: `id` is the sequence, `data` the CloudEvent", "content": {"text/event-stream": {"schema": {
       "type": "object", "required": ["id", "event", "data"], "description": "one Server-Sent Event",
       "properties": {"id": {"type": "string", "pattern": "^[0-9]+$", "description": "the sequence"}, "event": {"type": "string", "description": "the CloudEvents type"},
                      "data": {"type": "string", "contentMediaType": "application/json", "description": "the CloudEvent"}, "retry": {"type": "integer"}}}}}},
                 "410": {"description": "events after the position were removed by retention", "content": {"application/problem+json": {"schema": ref("Problem")}}},
                 **errs("400", "401", "503")}}},
})
schemas.update({
 "CloudEvent": {"type": "object", "required": ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "sequence", "data"], "properties": {
    "specversion": {"const": "1.0"}, "id": {"type": "string"}, "source": {"type": "string", "description": "/meshreg/<registry id>"},
    "type": {"type": "string", "description": "io.meshreg.<entity>.<action>.v1"}, "subject": {"type": "string"}, "time": {"type": "string", "format": "date-time"},
    "datacontenttype": {"const": "application/json"}, "sequence": {"type": "string", "pattern": "^[0-9]+$"},
    "data": {"type": "object", "description": "id, revision or version, domain, team, actor, and for updates the changed fields"}}},
})
# Webhooks (docs/ARCHITECTURE.md, "Change events"): subscriptions receive each event as a signed POST (Standard Webhooks, CloudEvents structured mode).
webhook_id = [param("id")]
paths.update({
 "/api/v1/webhooks": {
   "post": {"summary": "Subscribe a URL to change events; the answer holds the signing secret, shown only here. URLs reaching loopback, private, link-local or metadata addresses are refused",
            "requestBody": {"required": True, "content": {"application/json": {"schema": ref("WebhookRequest")}}},
            "responses": {"201": resp("the subscription and its secret", ref("WebhookCreated")), **errs("400", "401", "415", "422", "503")}},
   "get": {"summary": "Subscriptions: all for admins, one's own for others", "responses": {"200": resp("subscriptions", {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("Webhook")}}}), **errs("401")}}},
 "/api/v1/webhooks/{id}": {"parameters": webhook_id,
   "get": {"summary": "A subscription (never its secret)", "responses": {"200": resp("the subscription", ref("Webhook")), **errs("401", "404")}},
   "delete": {"summary": "Delete a subscription", "responses": {"204": {"description": "deleted"}, **errs("401", "404", "503")}}},
 "/api/v1/webhooks/{id}/pause": {"parameters": webhook_id, "post": {"summary": "Stop delivering; the position is kept", "responses": {"200": resp("the subscription", ref("Webhook")), **errs("401", "404", "503")}}},
 "/api/v1/webhooks/{id}/resume": {"parameters": webhook_id, "post": {"summary": "Deliver again (also after failing)", "responses": {"200": resp("the subscription", ref("Webhook")), **errs("401", "404", "503")}}},
 "/api/v1/webhooks/{id}/deliveries": {"parameters": webhook_id, "get": {"summary": "Delivery attempts, newest first",
   "parameters": [param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100})],
   "responses": {"200": resp("attempts", {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("WebhookDelivery")}}}), **errs("400", "401", "404")}}},
 "/api/v1/webhooks/{id}/replay": {"parameters": webhook_id, "post": {"summary": "Deliver every matching event again from a sequence on",
   "parameters": [param("from", "query", {"type": "string", "pattern": "^[0-9]+$"}, "the first sequence to deliver again")],
   "responses": {"200": resp("the subscription", ref("Webhook")), **errs("400", "401", "404", "503")}}},
})
webhook_properties = {"id": {"type": "string"}, "url": {"type": "string"}, "types": {"type": "array", "items": {"type": "string"}},
    "domains": {"type": "array", "items": {"type": "string"}}, "description": {"type": "string"}, "status": {"type": "string", "enum": ["active", "paused", "failing"]},
    "position": {"type": "string", "description": "the last sequence delivered"}, "attempts": {"type": "integer"},
    "nextAttemptAt": {"type": ["string", "null"]}, "failingSince": {"type": ["string", "null"]}, "createdBy": {"type": "string"}, "createdAt": {"type": "string"}}
schemas.update({
 "WebhookRequest": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}, "types": {"type": "array", "items": {"type": "string"}},
    "domains": {"type": "array", "items": {"type": "string"}}, "description": {"type": "string"}}},
 "Webhook": {"type": "object", "required": ["id", "url", "types", "domains", "status", "position"], "properties": webhook_properties},
 "WebhookCreated": {"type": "object", "required": ["id", "url", "status", "position", "secret"], "properties": {**webhook_properties,
    "secret": {"type": "string", "description": "whsec_<base64>: the Standard Webhooks signing secret, shown only once"}}},
 "WebhookDelivery": {"type": "object", "required": ["sequence", "attempt", "at", "succeeded"], "properties": {"sequence": {"type": "string"}, "attempt": {"type": "integer"},
    "at": {"type": "string"}, "statusCode": {"type": ["integer", "null"]}, "error": {"type": ["string", "null"]}, "durationMs": {"type": "integer"}, "succeeded": {"type": "boolean"}}},
})
doc = {"openapi": "3.1.0",
 "info": {"title": "meshreg", "version": "0.1.0", "description": "Data-mesh registry: domains, teams, data products (ODPS v1.1.0, v1.0.0), contracts (ODCS v3.2.0, v3.1.0, v3.0.x)."},
 "security": sec,
 "paths": paths,
 "components": {"schemas": schemas,
   "responses": {"Problem": {"description": "an error (RFC 9457 problem details)", "content": {"application/problem+json": {"schema": ref("Problem")}}},
                 "ConfluentError": {"description": "a Confluent Schema Registry error", "content": {cc_type: {"schema": ref("ConfluentError")}}}},
   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}, "basic": {"type": "http", "scheme": "basic", "description": "any username, the token as password"}}}}
text = json.dumps(doc, indent=1) + "\n"
# The Swift raw string ends at `"""#` and interpolates at `\#(`: neither may occur in the JSON.
assert '"""#' not in text and "\\#" not in text
swift = ("/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. Generated with\n"
         "/// docs/openapi.json by `python3 docs/make-openapi.py`: edit the script, never this file.\n"
         "enum OpenAPIDocument {\n    static let text = #\"\"\"\n" + text + "\"\"\"#\n}\n")
root = Path(__file__).resolve().parent.parent
outputs = {root / "docs" / "openapi.json": text, root / "Sources" / "RegistryAPI" / "OpenAPIDocument.swift": swift}
if sys.argv[1:] == ["--check"]:
    stale = [str(path.relative_to(root)) for path, content in outputs.items() if not path.exists() or path.read_text() != content]
    if stale:
        sys.exit(f"out of date with docs/make-openapi.py: {', '.join(stale)}; run python3 docs/make-openapi.py and commit")
elif sys.argv[1:]:
    sys.exit("usage: python3 docs/make-openapi.py [--check]")
else:
    for path, content in outputs.items():
        path.write_text(content)
