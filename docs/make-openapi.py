import json
problem = {"$ref": "#/components/responses/Problem"}
def resp(desc, schema=None, headers=None):
    r = {"description": desc}
    if schema: r["content"] = {"application/json": {"schema": schema}}
    if headers: r["headers"] = headers
    return r
errors = {k: problem for k in ["400", "401", "403", "404", "409", "412", "415", "422", "503"]}
def errs(*codes): return {c: problem for c in codes}
ref = lambda n: {"$ref": f"#/components/schemas/{n}"}
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
 "/api/v1/domains": {"get": {"summary": "List domains", "responses": {"200": resp("domains", {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("DomainSummary")}}}), **errs("401")}}},
 "/api/v1/domains/{name}": {
   "parameters": [param("name")],
   "get": {"summary": "Get a domain with its teams", "responses": {"200": resp("the domain", ref("Envelope"), etag), **errs("401", "404")}},
   "put": {"summary": "Create or update a domain (admin, or an owner of one of its teams)", "requestBody": doc_body,
           "responses": {"200": resp("updated or unchanged", ref("Envelope"), etag), "201": resp("created", ref("Envelope"), etag), **errs("400", "401", "403", "409", "415", "422", "503")}}},
 "/api/v1/teams/{name}": {"parameters": [param("name")], "get": {"summary": "Get a team and its members", "responses": {"200": resp("the team", ref("Team")), **errs("401", "404")}}},
 "/api/v1/products": {"get": {"summary": "List products", "parameters": [
     param("domain", "query"), param("status", "query", {"type": "string", "enum": ["proposed", "draft", "active", "deprecated", "retired"]}),
     param("team", "query"), param("q", "query", desc="text in the id, name or purpose"),
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
   "responses": {"200": resp("revisions", {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("RevisionSummary")}}}), **errs("401", "404")}}},
 "/api/v1/products/{id}/revisions/{revision}": {"parameters": [param("id"), param("revision", schema={"type": "integer", "minimum": 1})],
   "get": {"summary": "One revision of a product", "responses": {"200": resp("the revision", ref("Envelope"), etag), **errs("401", "404")}}},
 "/api/v1/contracts/{id}": {
   "parameters": [param("id")],
   "get": {"summary": "A contract's published versions", "responses": {"200": resp("versions", ref("ContractVersions")), **errs("401", "404")}},
   "put": {"summary": "Publish a contract version (ODCS); the version comes from the document", "requestBody": doc_body,
           "responses": {"200": resp("updated or unchanged", ref("Envelope"), etag), "201": resp("published", ref("Envelope"), etag), **errs("400", "401", "403", "409", "415", "422", "503")}}},
 "/api/v1/compatibility": {"post": {"summary": "Check a proposed schema or contract without writing: an ODCS contract against its registered major line (with the semver gate), or {type, schema, against, mode}",
   "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {
       "type": {"type": "string", "enum": ["avro", "json", "odcs"]}, "mode": {"type": "string", "enum": ["NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"]},
       "schema": {}, "against": {"type": "array"}}}}, "application/yaml": {"schema": {"type": "string"}}}},
   "responses": {"200": resp("the compatibility report", ref("CompatibilityReport")), **errs("400", "401", "415", "422")}}},
 "/api/v1/contracts/{id}/versions/{version}": {
   "parameters": [param("id"), param("version")],
   "get": {"summary": "One contract version (ODCS) in its envelope", "responses": {"200": resp("the contract version", ref("Envelope"), etag), **errs("401", "404")}},
   "delete": {"summary": "Retire a contract version (refused while products use it)", "responses": {"200": resp("retired", ref("Envelope"), etag), **errs("401", "403", "404", "409", "503")}}},
}
schemas = {
 "Status": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
 "Problem": {"type": "object", "required": ["type", "title", "status", "code", "detail"], "properties": {
    "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "code": {"type": "string"}, "detail": {"type": "string"},
    "issues": {"type": "array", "items": {"type": "object", "required": ["pointer", "code", "message"], "properties": {
        "pointer": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}, "location": {"type": "string"}}}},
    "dependants": {"type": "array", "items": {"type": "string"}},
    "report": ref("CompatibilityReport"), "suggestedVersion": {"type": "string"},
    "violations": {"type": "array", "items": {"type": "object", "properties": {"policy": {"type": "string"}, "severity": {"type": "string"}, "path": {"type": "string"}, "message": {"type": "string"}}}}}},
 "Envelope": {"type": "object", "required": ["kind", "key", "revision", "registeredAt", "registeredBy", "digest", "document"], "properties": {
    "kind": {"type": "string", "enum": ["domain", "product", "contract"]}, "key": {"type": "string"}, "revision": {"type": "integer", "minimum": 1},
    "registeredAt": {"type": "string", "format": "date-time"}, "registeredBy": {"type": "string"}, "digest": {"type": "string"},
    "document": {"type": "object", "description": "the ODPS, ODCS or Domain document as registered"},
    "change": {"type": "string", "enum": ["created", "updated", "unchanged", "retired"]},
    "teams": {"type": "array", "items": ref("Team")}}},
 "DomainSummary": {"type": "object", "required": ["name", "teams"], "properties": {"name": {"type": "string"}, "description": {"type": ["string", "null"]}, "teams": {"type": "array", "items": {"type": "string"}}}},
 "Team": {"type": "object", "required": ["name", "domain", "members"], "properties": {"name": {"type": "string"}, "domain": {"type": "string"},
    "members": {"type": "array", "items": {"type": "object", "required": ["username", "role"], "properties": {"username": {"type": "string"}, "role": {"type": "string"}}}}}},
 "ProductSummary": {"type": "object", "required": ["id", "name", "domain", "team", "version", "status", "revision", "updatedAt"], "properties": {
    "id": {"type": "string"}, "name": {"type": "string"}, "domain": {"type": "string"}, "team": {"type": "string"}, "version": {"type": "string"},
    "status": {"type": "string"}, "revision": {"type": "integer"}, "updatedAt": {"type": "string"}}},
 "ProductPage": {"type": "object", "required": ["items", "nextCursor"], "properties": {"items": {"type": "array", "items": ref("ProductSummary")}, "nextCursor": {"type": ["string", "null"]}}},
 "RevisionSummary": {"type": "object", "required": ["revision", "registeredAt", "registeredBy", "digest"], "properties": {
    "revision": {"type": "integer"}, "registeredAt": {"type": "string"}, "registeredBy": {"type": "string"}, "digest": {"type": "string"}, "version": {}, "status": {}}},
 "CompatibilityReport": {"type": "object", "required": ["mode", "isCompatible", "changeClass", "findings"], "properties": {
    "mode": {"type": "string"}, "isCompatible": {"type": "boolean"}, "changeClass": {"type": "string", "enum": ["none", "metadata", "additive", "breaking"]},
    "findings": {"type": "array", "items": {"type": "object", "required": ["rule", "verdict", "message"], "properties": {
        "rule": {"type": "string"}, "oldPath": {"type": ["string", "null"]}, "newPath": {"type": ["string", "null"]}, "expected": {"type": "string"}, "found": {"type": "string"},
        "verdict": {"type": "string", "enum": ["metadata", "additive", "breaking"]}, "message": {"type": "string"}, "direction": {"type": "string"}, "previousIndex": {"type": "integer"}}}},
    "contractId": {"type": "string"}, "version": {"type": "string"}, "previousVersion": {"type": ["string", "null"]},
    "semver": {"type": "object", "properties": {"allowed": {"type": "boolean"}, "needed": {"type": "string"}, "suggestedVersion": {"type": "string"}}}}},
 "ContractVersions": {"type": "object", "required": ["id", "versions"], "properties": {"id": {"type": "string"}, "versions": {"type": "array", "items": {
    "type": "object", "required": ["version", "status"], "properties": {"version": {"type": "string"}, "status": {"type": "string"}}}}}},
}
doc = {"openapi": "3.1.0",
 "info": {"title": "meshreg", "version": "0.1.0", "description": "Data-mesh registry: domains, teams, data products (ODPS v1.0.0), contracts (ODCS v3.1.0)."},
 "security": sec,
 "paths": paths,
 "components": {"schemas": schemas,
   "responses": {"Problem": {"description": "an error (RFC 9457 problem details)", "content": {"application/problem+json": {"schema": ref("Problem")}}}},
   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}, "basic": {"type": "http", "scheme": "basic", "description": "any username, the token as password"}}}}
text = json.dumps(doc, indent=1)
open("/work/main/Sources/RegistryAPI/OpenAPIDocument.swift", "w").write(
 "/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. Kept by hand beside\n"
 "/// the routes; `OpenAPITests` fails when a route and this document disagree.\n"
 "enum OpenAPIDocument {\n    static let text = #\"\"\"\n" + text + "\n\"\"\"#\n}\n")
