import CEL
import Compatibility
import JSON
import MeshModel
import Protobuf
import Testing
@testable import ContractProjection

/// The mapping table of docs/contract-projection.md, property by property, and the errors.
@Suite struct ProjectionMappingTests {
    /// A Kafka contract whose one object has `properties` (YAML, indented under `properties:`).
    static func contract(_ properties: String, server: String = "    format: avro\n", extra: String = "") throws -> DataContract {
        try ContractFiles.yaml("""
            apiVersion: v3.2.0
            kind: DataContract
            id: sales.orders
            version: 1.0.0
            status: active
            domain: sales
            team: {name: sales-data}
            servers:
              - server: kafka-prod
                type: kafka
            \(server)    customProperties:
                  - property: topic
                    value: sales.orders.v1
            schema:
              - name: order
                physicalName: sales.orders.v1
                properties:
            \(properties)
            \(extra)
            """)
    }

    static func avroFields(_ projection: ContractProjection) throws -> [String: JSONValue] {
        let schema = try AvroSchema(parsing: projection.schema)
        var fields: [String: JSONValue] = [:]
        for field in schema.json["fields"]?.arrayValue ?? [] {
            if let name = field["name"]?.stringValue { fields[name] = field["type"] }
        }
        return fields
    }

    static let table: [(logical: String, physical: String?, avro: JSONValue)] = [
        ("string", nil, "string"),
        ("integer", nil, "int"),
        ("integer", "bigint", "long"),
        ("integer", "int64", "long"),
        ("number", nil, "double"),
        ("number", "float", "float"),
        ("number", "decimal(12,2)", ["type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2]),
        ("boolean", nil, "boolean"),
        ("date", nil, ["type": "int", "logicalType": "date"]),
        ("timestamp", nil, ["type": "long", "logicalType": "timestamp-millis"]),
        ("timestamp", "timestamp-micros", ["type": "long", "logicalType": "timestamp-micros"]),
        ("time", nil, ["type": "int", "logicalType": "time-millis"]),
        ("string", "bytes", "bytes"),
        ("string", "[\"null\", \"string\"]", "string"),
    ]

    @Test(arguments: table.indices)
    func logicalAndPhysicalTypesMapToAvro(index: Int) throws {
        let row = Self.table[index]
        let physical = row.physical.map { "        physicalType: '\($0)'\n" } ?? ""
        let contract = try Self.contract("      - name: value\n        logicalType: \(row.logical)\n\(physical)        required: true")
        let fields = try Self.avroFields(try ContractProjection(contract: contract))
        #expect(fields["value"] == row.avro)
    }

    @Test func optionalPropertiesAreNullableWithDefaultNullAndDescriptionsBecomeDoc() throws {
        let contract = try Self.contract("""
                  - name: id
                    logicalType: string
                    required: true
                  - name: note
                    logicalType: string
                    description: Free text.
            """)
        let schema = try JSONParser.parse(try ContractProjection(contract: contract).schema)
        #expect(schema["name"] == "order" && schema["namespace"] == "sales.orders")
        #expect(schema["fields"]?[0] == ["name": "id", "type": "string"])
        #expect(schema["fields"]?[1] == ["name": "note", "doc": "Free text.", "type": ["null", "string"], "default": .null])
        let json = try JSONParser.parse(try ContractProjection(contract: contract, format: .jsonSchema).schema)
        #expect(json["required"] == ["id"])
        #expect(json["properties"]?["note"]?["oneOf"] == [["type": "null"], ["type": "string"]])
        let proto = try ContractProjection(contract: contract, format: .protobuf).schema
        #expect(proto.contains("  string id = 1;\n") && proto.contains("  optional string note = 2;\n"))
        _ = try ProtobufSchema(parsing: proto)
    }

    @Test func objectsArraysMapsAndEnumsNest() throws {
        let contract = try Self.contract("""
                  - name: customer
                    logicalType: object
                    required: true
                    properties:
                      - name: id
                        logicalType: string
                        required: true
                  - name: lines
                    logicalType: array
                    required: true
                    items:
                      logicalType: object
                      properties:
                        - name: sku
                          logicalType: string
                          required: true
                  - name: attributes
                    logicalType: map
                    required: true
                    map:
                      key: {logicalType: string}
                      value: {logicalType: integer}
                  - name: status
                    logicalType: string
                    required: true
                    enum:
                      - value: PLACED
                      - value: PAID
            """)
        let fields = try Self.avroFields(try ContractProjection(contract: contract))
        #expect(fields["customer"] == ["type": "record", "name": "customer", "fields": [["name": "id", "type": "string"]]])
        #expect(fields["lines"] == ["type": "array", "items": ["type": "record", "name": "order_item", "fields": [["name": "sku", "type": "string"]]]])
        #expect(fields["attributes"] == ["type": "map", "values": "int"])
        #expect(fields["status"] == ["type": "enum", "name": "Status", "symbols": ["PLACED", "PAID"]])
        let proto = try ContractProjection(contract: contract, format: .protobuf).schema
        let parsed = try ProtobufSchema(parsing: proto)
        #expect(parsed.types.keys.contains("sales.orders.order.Status"), "\(parsed.types.keys.sorted())")
        #expect(proto.contains("map<string, int32> attributes = 3;") && proto.contains("STATUS_UNSPECIFIED = 0;") && proto.contains("STATUS_PAID = 2;"))
        _ = try JSONSchemaDocument(parsing: try ContractProjection(contract: contract, format: .jsonSchema).schema)
    }

    @Test func theServersFormatChoosesTheLanguageUnlessAskedOtherwise() throws {
        let property = "      - name: id\n        logicalType: string\n        required: true"
        #expect(try ContractProjection(contract: try Self.contract(property, server: "    format: json\n")).format == .jsonSchema)
        #expect(try ContractProjection(contract: try Self.contract(property, server: "    format: protobuf\n")).format == .protobuf)
        #expect(try ContractProjection(contract: try Self.contract(property, server: "")).format == .avro)
        #expect(try ContractProjection(contract: try Self.contract(property, server: "    format: json\n"), format: .avro).format == .avro)
        let error = #expect(throws: ContractProjectionError.self) { try ContractProjection(contract: try Self.contract(property, server: "    format: csv\n")) }
        #expect(error?.code == .unsupportedFormat && error?.pointer.description == "/servers/0/format")
    }

    @Test func errorsSayWhere() throws {
        let unmappable = #expect(throws: ContractProjectionError.self) {
            try ContractProjection(contract: try Self.contract("      - name: id\n        logicalType: string\n      - name: shape\n        logicalType: vector\n        logicalTypeOptions: {dimensions: 3}\n      - name: odd\n        logicalType: string\n        physicalType: 'decimal(2,5)'"))
        }
        #expect(unmappable?.code == .unmappableType && unmappable?.pointer.description == "/schema/0/properties/2/physicalType", "\(String(describing: unmappable))")
        let badName = #expect(throws: ContractProjectionError.self) {
            try ContractProjection(contract: try Self.contract("      - name: order-id\n        logicalType: string"))
        }
        #expect(badName?.code == .invalidName && badName?.pointer.description == "/schema/0/properties/0/name")
        let noKafka = try ContractFiles.official("odcs-example-table-column.odcs.json")
        let refused = #expect(throws: ContractProjectionError.self) { try ContractProjection(contract: noKafka) }
        #expect(refused?.code == .noKafkaServer && refused?.pointer.description == "/servers")
        let noItems = #expect(throws: ContractProjectionError.self) {
            try ContractProjection(contract: try Self.contract("      - name: tags\n        logicalType: array"))
        }
        #expect(noItems?.pointer.description == "/schema/0/properties/0/items")
    }

    @Test func tagsAndPropertiesNameTheContract() throws {
        let contract = try Self.contract("""
                  - name: email
                    logicalType: string
                    classification: restricted
                    tags: [PII]
                  - name: country
                    logicalType: string
                    classification: public
            """)
        let metadata = try ContractProjection(contract: contract).metadata
        #expect(metadata == ["tags": ["order.email": ["PII", "RESTRICTED"]],
                             "properties": ["owner": "sales-data", "domain": "sales", "contract": "sales.orders@1.0.0"]])
    }

    /// Enum values that are not Avro names keep the field a string, so a rule lists them. The rules are evaluated with our CEL on good and bad records: they must hold for the good
    /// one and fail for each bad one.
    @Test func domainRulesAcceptGoodRecordsAndRefuseBadOnes() throws {
        let contract = try Self.contract("""
                  - name: order_id
                    logicalType: string
                    required: true
                    logicalTypeOptions: {pattern: '^WEB-[0-9]{4}$', maxLength: 8}
                  - name: quantity
                    logicalType: integer
                    required: true
                    logicalTypeOptions: {minimum: 1, exclusiveMaximum: 100}
                  - name: price
                    logicalType: number
                    required: true
                    logicalTypeOptions: {maximum: 10}
                  - name: channel
                    logicalType: string
                    enum: [{value: web-shop}, {value: app}]
                  - name: region
                    logicalType: string
                    quality:
                      - metric: invalidValues
                        arguments: {validValues: [EU, US]}
                        mustBe: 0
                      - metric: nullValues
                        mustBe: 0
                      - metric: duplicateValues
                        mustBe: 0
                      - type: sql
                        query: SELECT 1
            """)
        let projection = try ContractProjection(contract: contract)
        #expect(projection.domainRules.map(\.name) == [
            "order-order_id-pattern", "order-order_id-maxLength", "order-quantity-minimum", "order-quantity-exclusiveMaximum",
            "order-price-maximum", "order-channel-enum", "order-region-invalidValues", "order-region-nullValues",
        ])
        #expect(projection.skipped.map(\.pointer.description) == ["/schema/0/properties/4/quality/2", "/schema/0/properties/4/quality/3"])
        let good: JSONValue = ["order_id": "WEB-0001", "quantity": 3, "price": 9.5, "channel": "web-shop", "region": "EU"]
        let bad: [JSONValue] = [
            ["order_id": "X-1", "quantity": 3, "price": 9.5, "channel": "web-shop", "region": "EU"],
            ["order_id": "WEB-0001", "quantity": 0, "price": 9.5, "channel": "web-shop", "region": "EU"],
            ["order_id": "WEB-0001", "quantity": 100, "price": 9.5, "channel": "web-shop", "region": "EU"],
            ["order_id": "WEB-0001", "quantity": 3, "price": 10.5, "channel": "web-shop", "region": "EU"],
            ["order_id": "WEB-0001", "quantity": 3, "price": 9.5, "channel": "fax", "region": "EU"],
            ["order_id": "WEB-0001", "quantity": 3, "price": 9.5, "channel": "web-shop", "region": "APAC"],
            ["order_id": "WEB-0001", "quantity": 3, "price": 9.5, "channel": "web-shop", "region": .null],
        ]
        let programs = try projection.domainRules.map { try CELProgram.compile($0.expression, declarations: CELDeclarations(variables: ["message": .dyn])) }
        for program in programs {
            #expect(program.evaluate(CELActivation(json: ["message": good])) == .bool(true))
        }
        for record in bad {
            let failing = programs.filter { $0.evaluate(CELActivation(json: ["message": record])) != .bool(true) }
            #expect(failing.count == 1, "exactly one rule refuses \(record.encoded())")
        }
        let absentChannel: JSONValue = ["order_id": "WEB-0001", "quantity": 3, "price": 9.5, "region": "US"]
        #expect(programs.allSatisfy { $0.evaluate(CELActivation(json: ["message": absentChannel])) == .bool(true) }, "an optional field may be absent")
    }

    /// Values inside arrays and optional objects get rules too: over each element with `all`,
    /// and holding where the optional parent is absent or null.
    @Test func rulesReachIntoArraysAndOptionalObjects() throws {
        let contract = try Self.contract("""
                  - name: lines
                    logicalType: array
                    required: true
                    items:
                      logicalType: object
                      properties:
                        - name: quantity
                          logicalType: integer
                          required: true
                          logicalTypeOptions: {minimum: 1}
                  - name: codes
                    logicalType: array
                    items:
                      logicalType: string
                      logicalTypeOptions: {pattern: '^[A-Z]+$'}
                  - name: shipping
                    logicalType: object
                    properties:
                      - name: country
                        logicalType: string
                        required: true
                        logicalTypeOptions: {maxLength: 2}
            """)
        let projection = try ContractProjection(contract: contract)
        #expect(projection.domainRules.map(\.expression) == [
            "message.lines.all(item1, item1.quantity >= 1)",
            #"!has(message.codes) || message.codes == null || (message.codes.all(item1, item1.matches("^[A-Z]+$")))"#,
            "!has(message.shipping) || message.shipping == null || (size(message.shipping.country) <= 2)",
        ])
        #expect(projection.skipped.isEmpty)
        #expect(projection.domainRules.map(\.name) == ["order-lines-quantity-minimum", "order-codes-pattern", "order-shipping-country-maxLength"])
        let programs = try projection.domainRules.map { try CELProgram.compile($0.expression, declarations: CELDeclarations(variables: ["message": .dyn])) }
        func holds(_ record: JSONValue) -> [Bool] { programs.map { $0.evaluate(CELActivation(json: ["message": record])) == .bool(true) } }
        #expect(holds(["lines": [["quantity": 2]], "codes": ["AB"], "shipping": ["country": "DE"]]) == [true, true, true])
        #expect(holds(["lines": [["quantity": 2]], "codes": .null, "shipping": .null]) == [true, true, true])
        #expect(holds(["lines": [["quantity": 2], ["quantity": 0]], "codes": ["AB", "x"], "shipping": ["country": "DEU"]]) == [false, false, false])
    }

    /// Values inside maps get rules over every value (`all` ranges over the keys), and a map of
    /// arrays reaches their elements with the next variable.
    @Test func rulesReachIntoMapValues() throws {
        let contract = try Self.contract("""
                  - name: stock
                    logicalType: map
                    required: true
                    map:
                      key: {logicalType: string}
                      value: {logicalType: integer, logicalTypeOptions: {minimum: 0}}
                  - name: labels
                    logicalType: map
                    map:
                      key: {logicalType: string}
                      value:
                        logicalType: array
                        items: {logicalType: string, logicalTypeOptions: {maxLength: 3}}
            """)
        let projection = try ContractProjection(contract: contract)
        #expect(projection.domainRules.map(\.expression) == [
            "message.stock.all(key1, message.stock[key1] >= 0)",
            "!has(message.labels) || message.labels == null || (message.labels.all(key1, message.labels[key1].all(item2, size(item2) <= 3)))",
        ])
        #expect(projection.skipped.isEmpty)
        #expect(projection.domainRules.map(\.name) == ["order-stock-minimum", "order-labels-maxLength"])
        let programs = try projection.domainRules.map { try CELProgram.compile($0.expression, declarations: CELDeclarations(variables: ["message": .dyn])) }
        func holds(_ record: JSONValue) -> [Bool] { programs.map { $0.evaluate(CELActivation(json: ["message": record])) == .bool(true) } }
        #expect(holds(["stock": ["berlin": 3, "paris": 0], "labels": ["a": ["NEW", "EU"]]]) == [true, true])
        #expect(holds(["stock": [:], "labels": .null]) == [true, true])
        #expect(holds(["stock": ["berlin": 3, "paris": -1], "labels": ["a": ["NEW"], "b": ["LONG"]]]) == [false, false])
    }

    /// The properties marked `partitioned` form the Kafka key, in `partitionKeyPosition` order:
    /// `all(of:)` projects the value and then the key, whose record keeps only those fields with
    /// their types, nullability, tags and rules.
    @Test func partitionedPropertiesFormTheKey() throws {
        let contract = try Self.contract("""
                  - name: order_id
                    logicalType: string
                    required: true
                  - name: region
                    logicalType: string
                    required: true
                    partitioned: true
                    partitionKeyPosition: 2
                    classification: restricted
                  - name: store_id
                    logicalType: integer
                    required: true
                    partitioned: true
                    partitionKeyPosition: 1
                    logicalTypeOptions: {minimum: 1}
            """)
        let projections = try ContractProjection.all(of: contract)
        #expect(projections.map(\.subject) == ["sales.orders.v1-value", "sales.orders.v1-key"])
        let key = projections[1]
        #expect(key.part == .key)
        let schema = try AvroSchema(parsing: key.schema)
        #expect(schema.json["name"] == "orderKey")
        #expect(schema.json["namespace"] == "sales.orders")
        #expect(try Self.avroFields(key) == ["store_id": "int", "region": "string"])
        #expect(schema.json["fields"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["store_id", "region"])
        #expect(key.metadata["tags"] == ["orderKey.region": ["RESTRICTED"]])
        #expect(key.domainRules.map(\.expression) == ["message.store_id >= 1"])
        #expect(key.domainRules.map(\.name) == ["orderKey-store_id-minimum"])
        for format in ProjectionFormat.allCases {
            let projection = try ContractProjection(contract: contract, format: format, part: .key)
            try ShippedContractProjectionTests.expectParses(projection, fieldNames: ["store_id", "region"])
        }
    }

    /// Without a `partitioned` property there is no key: `all(of:)` projects the value only, and
    /// asking for the key says which properties to mark.
    @Test func aContractWithoutPartitionedPropertiesHasNoKey() throws {
        let contract = try Self.contract("""
                  - name: order_id
                    logicalType: string
                    required: true
                    primaryKey: true
            """)
        #expect(try ContractProjection.all(of: contract).map(\.subject) == ["sales.orders.v1-value"])
        let error = try #require(throws: ContractProjectionError.self) { try ContractProjection(contract: contract, part: .key) }
        #expect(error.code == .noKafkaKey)
        #expect(error.pointer.description == "/schema/0/properties")
        #expect(error.message.contains("partitioned: true"))
    }

    /// Confluent's rule names: letters, digits, `_` and `-`, each once in a rule set.
    @Test func ruleNamesAreConfluentNamesAndUnique() throws {
        let contract = try Self.contract("""
                  - name: region
                    logicalType: string
                    quality:
                      - {metric: nullValues, mustBe: 0}
                      - {metric: nullValues, mustBe: 0, description: the same check again}
            """)
        let names = try ContractProjection(contract: contract).domainRules.map(\.name)
        #expect(names == ["order-region-nullValues", "order-region-nullValues-2"])
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } })
    }
}
