import SQL
import SQLite

/// The registry's tables, as an append-only list of migrations (never edit a shipped one).
///
/// Documents live in `revisions` (immutable, one row per accepted write, canonical JSON plus the
/// bytes as submitted); the other tables index the current state for queries and integrity.
/// Times are ISO-8601 UTC text with milliseconds everywhere.
enum RegistrySchema {
    static let migrator = Migrator([
        Migration("0001-registry-core", sql: """
            CREATE TABLE revisions (
                kind TEXT NOT NULL CHECK (kind IN ('domain', 'product', 'contract')),
                key TEXT NOT NULL,
                revision INTEGER NOT NULL CHECK (revision > 0),
                document TEXT NOT NULL,
                original BLOB NOT NULL,
                media_type TEXT NOT NULL,
                digest TEXT NOT NULL,
                registered_at TEXT NOT NULL,
                registered_by TEXT NOT NULL,
                PRIMARY KEY (kind, key, revision)
            ) STRICT;

            CREATE TABLE domains (
                name TEXT PRIMARY KEY NOT NULL,
                description TEXT,
                revision INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE teams (
                name TEXT PRIMARY KEY NOT NULL,
                domain TEXT NOT NULL REFERENCES domains(name)
            ) STRICT;
            CREATE INDEX teams_domain ON teams(domain);

            CREATE TABLE team_members (
                team TEXT NOT NULL REFERENCES teams(name) ON DELETE CASCADE,
                username TEXT NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (team, username)
            ) STRICT;
            CREATE INDEX team_members_username ON team_members(username);

            CREATE TABLE products (
                id TEXT PRIMARY KEY NOT NULL,
                domain TEXT NOT NULL REFERENCES domains(name),
                team TEXT NOT NULL REFERENCES teams(name),
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('proposed', 'draft', 'active', 'deprecated', 'retired')),
                description TEXT NOT NULL DEFAULT '',
                revision INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX products_domain ON products(domain);
            CREATE INDEX products_team ON products(team);

            CREATE TABLE product_ports (
                product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                direction TEXT NOT NULL CHECK (direction IN ('input', 'output')),
                port TEXT NOT NULL,
                contract_id TEXT NOT NULL,
                contract_version TEXT NOT NULL,
                external INTEGER NOT NULL CHECK (external IN (0, 1))
            ) STRICT;
            CREATE INDEX product_ports_product ON product_ports(product_id);
            CREATE INDEX product_ports_contract ON product_ports(contract_id, contract_version);

            CREATE TABLE contract_versions (
                contract_id TEXT NOT NULL,
                version TEXT NOT NULL,
                major INTEGER NOT NULL,
                minor INTEGER NOT NULL,
                patch INTEGER NOT NULL,
                domain TEXT NOT NULL REFERENCES domains(name),
                team TEXT NOT NULL REFERENCES teams(name),
                status TEXT NOT NULL,
                revision INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (contract_id, version)
            ) STRICT;
            CREATE INDEX contract_versions_team ON contract_versions(team);

            CREATE TABLE audit_log (
                sequence INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target_kind TEXT NOT NULL,
                target TEXT NOT NULL,
                revision INTEGER,
                domain TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'warned', 'denied', 'refused', 'failed')),
                code TEXT,
                detail TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            ) STRICT;
            CREATE INDEX audit_log_actor ON audit_log(actor);
            CREATE INDEX audit_log_target ON audit_log(target_kind, target);
            """),
        Migration("0002-tokens", sql: """
            CREATE TABLE tokens (
                id TEXT PRIMARY KEY NOT NULL,
                hash TEXT NOT NULL UNIQUE,
                username TEXT,
                team TEXT,
                is_admin INTEGER NOT NULL CHECK (is_admin IN (0, 1)),
                description TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                revoked_at TEXT,
                CHECK ((username IS NULL) != (team IS NULL))
            ) STRICT;
            """),
        // The Confluent-compatible schema registry: one global id per distinct schema (type +
        // identity), subjects' versions with a soft-delete flag, per-subject settings (the
        // global ones under the subject '').
        Migration("0003-subjects", sql: """
            CREATE TABLE subject_schemas (
                id INTEGER PRIMARY KEY,
                schema_type TEXT NOT NULL CHECK (schema_type IN ('AVRO', 'JSON')),
                identity TEXT NOT NULL,
                canonical TEXT NOT NULL,
                schema TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (schema_type, identity)
            ) STRICT;
            CREATE INDEX subject_schemas_canonical ON subject_schemas(schema_type, canonical);

            CREATE TABLE subject_versions (
                subject TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version > 0),
                schema_id INTEGER NOT NULL REFERENCES subject_schemas(id),
                deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (subject, version)
            ) STRICT;
            CREATE INDEX subject_versions_schema ON subject_versions(schema_id);

            CREATE TABLE subject_configs (
                subject TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL CHECK (value IN ('NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE')),
                updated_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE subject_modes (
                subject TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL CHECK (value IN ('READWRITE', 'READONLY')),
                updated_at TEXT NOT NULL
            ) STRICT;
            """),
        Migration("0004-access-and-decisions", sql: """
            CREATE TABLE access_requests (
                id TEXT PRIMARY KEY NOT NULL,
                product_id TEXT NOT NULL REFERENCES products(id),
                port TEXT NOT NULL,
                port_version TEXT NOT NULL,
                consumer_team TEXT NOT NULL,
                purpose TEXT NOT NULL,
                requested_by TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                expires_at TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
                decided_by TEXT,
                decided_at TEXT,
                note TEXT
            ) STRICT;
            CREATE INDEX access_requests_product ON access_requests(product_id);
            CREATE INDEX access_requests_team ON access_requests(consumer_team);

            CREATE TABLE audit_policies (
                sequence INTEGER NOT NULL REFERENCES audit_log(sequence),
                policy TEXT NOT NULL,
                PRIMARY KEY (sequence, policy)
            ) STRICT;
            CREATE INDEX audit_policies_policy ON audit_policies(policy);
            CREATE INDEX audit_log_at ON audit_log(at);
            CREATE INDEX audit_log_domain ON audit_log(domain);
            """),
        // Lineage: nodes and edges, each edge tagged with the write that made it
        // (`product:<id>`, `contract:<id>@<version>`, `grant:<id>`, `run:<runId>`, `job:…`,
        // `dataset:…`) so a later write replaces exactly its own edges; `lineage_changes` lists
        // each replacement's diff in commit order so in-memory graphs catch up; raw OpenLineage
        // events by idempotency key (a RunEvent's key starts with `<runId>/`, so the primary key
        // also finds a run's events), and each run's merged state. See docs/ARCHITECTURE.md, "Lineage".
        Migration("0005-lineage", sql: """
            CREATE TABLE lineage_nodes (
                id TEXT PRIMARY KEY NOT NULL,
                label TEXT,
                team TEXT
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE lineage_edges (
                from_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                to_id TEXT NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (source, from_id, kind, to_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX lineage_edges_from ON lineage_edges(from_id, kind, to_id);
            CREATE INDEX lineage_edges_to ON lineage_edges(to_id, kind, from_id);

            CREATE TABLE lineage_changes (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                source TEXT NOT NULL,
                body TEXT NOT NULL,
                at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE lineage_events (
                key TEXT PRIMARY KEY NOT NULL,
                run_id TEXT,
                event_type TEXT,
                event_time TEXT NOT NULL,
                received_at TEXT NOT NULL,
                body TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE lineage_runs (
                run_id TEXT PRIMARY KEY NOT NULL,
                job_namespace TEXT NOT NULL,
                job_name TEXT NOT NULL,
                status TEXT NOT NULL,
                status_time TEXT NOT NULL,
                start_time TEXT,
                end_time TEXT,
                inputs INTEGER NOT NULL,
                outputs INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;
            """),
        // The change log: one row per committed change, appended in the change's own
        // transaction, read by the event feed and webhook deliveries in `sequence` order.
        // AUTOINCREMENT so a sequence is never reused, even after retention empties the table.
        // `registry_meta` holds the registry's random id (the CloudEvents source) and the
        // highest pruned sequence (below it a reader has missed events: 410).
        // See docs/ARCHITECTURE.md, "Change events".
        Migration("0006-change-events", sql: """
            CREATE TABLE events (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                subject TEXT NOT NULL,
                domain TEXT,
                team TEXT,
                at TEXT NOT NULL,
                data TEXT NOT NULL
            ) STRICT;

            CREATE TABLE registry_meta (
                name TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            ) STRICT;
            INSERT INTO registry_meta (name, value) VALUES ('registry-id', lower(hex(randomblob(8)))), ('events-pruned-through', '0');
            """),
        // Webhook subscriptions and their delivery log. `position` is the last sequence
        // delivered, so deliveries resume after a restart. The secret is stored as issued:
        // HMAC signing needs the key itself, so a hash would not do (it is returned once and
        // never logged). Who created a subscription bounds which events it receives.
        Migration("0007-webhooks", sql: """
            CREATE TABLE webhooks (
                id TEXT PRIMARY KEY NOT NULL,
                url TEXT NOT NULL,
                types TEXT NOT NULL,
                domains TEXT NOT NULL,
                description TEXT NOT NULL,
                secret TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'failing')),
                position INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                failing_since TEXT,
                created_by_user TEXT,
                created_by_team TEXT,
                created_by_admin INTEGER NOT NULL,
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE webhook_deliveries (
                webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
                sequence INTEGER NOT NULL,
                attempt INTEGER NOT NULL,
                at TEXT NOT NULL,
                status_code INTEGER,
                error TEXT,
                duration_ms INTEGER NOT NULL,
                PRIMARY KEY (webhook_id, sequence, attempt)
            ) STRICT;
            """),
        // Web UI sign-in sessions, stored as the SHA-256 of the cookie's secret so a copy of the
        // database signs no one in; shared by every process on the file.
        // See docs/ARCHITECTURE.md, "Web UI".
        Migration("0008-ui-sessions", sql: """
            CREATE TABLE ui_sessions (
                hash TEXT PRIMARY KEY NOT NULL,
                token_id TEXT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX ui_sessions_expires_at ON ui_sessions(expires_at);
            """),
        // What the catalog searches beyond id, name and purpose: `keywords` holds a product's
        // tags and owners, `classifications` its output ports' classifications, each lowercased
        // and space-separated with a space at both ends. Filled for the products already stored
        // from their current revision. See docs/ARCHITECTURE.md, "Web UI".
        Migration("0009-product-search", sql: """
            ALTER TABLE products ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
            ALTER TABLE products ADD COLUMN classifications TEXT NOT NULL DEFAULT '';
            UPDATE products SET
                keywords = ' ' || lower(coalesce((
                    SELECT group_concat(word, ' ') FROM (
                        SELECT tag.value AS word FROM revisions r, json_each(r.document, '$.tags') tag
                        WHERE r.kind = 'product' AND r.key = products.id AND r.revision = products.revision
                        UNION ALL
                        SELECT json_extract(member.value, '$.username') FROM revisions r, json_each(r.document, '$.team.members') member
                        WHERE r.kind = 'product' AND r.key = products.id AND r.revision = products.revision
                            AND lower(json_extract(member.value, '$.role')) = 'owner')), '')) || ' ',
                classifications = ' ' || lower(coalesce((
                    SELECT group_concat(json_extract(property.value, '$.value'), ' ')
                    FROM revisions r, json_each(r.document, '$.outputPorts') port, json_each(port.value, '$.customProperties') property
                    WHERE r.kind = 'product' AND r.key = products.id AND r.revision = products.revision
                        AND json_extract(property.value, '$.property') = 'classification'), '')) || ' ';
            """),
        // Protobuf subjects: the schema type's CHECK admits PROTOBUF. SQLite cannot change a
        // CHECK in place, so both subject tables are rebuilt (the child first, so no foreign key is
        // ever left dangling) and renamed; the rename rewrites subject_versions' reference.
        Migration("0010-protobuf-subjects", sql: """
            CREATE TABLE subject_schemas_rebuilt (
                id INTEGER PRIMARY KEY,
                schema_type TEXT NOT NULL CHECK (schema_type IN ('AVRO', 'JSON', 'PROTOBUF')),
                identity TEXT NOT NULL,
                canonical TEXT NOT NULL,
                schema TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (schema_type, identity)
            ) STRICT;
            INSERT INTO subject_schemas_rebuilt SELECT id, schema_type, identity, canonical, schema, created_at FROM subject_schemas;

            CREATE TABLE subject_versions_rebuilt (
                subject TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version > 0),
                schema_id INTEGER NOT NULL REFERENCES subject_schemas_rebuilt(id),
                deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (subject, version)
            ) STRICT;
            INSERT INTO subject_versions_rebuilt SELECT subject, version, schema_id, deleted, created_at, updated_at FROM subject_versions;

            DROP TABLE subject_versions;
            DROP TABLE subject_schemas;
            ALTER TABLE subject_schemas_rebuilt RENAME TO subject_schemas;
            ALTER TABLE subject_versions_rebuilt RENAME TO subject_versions;
            CREATE INDEX subject_schemas_canonical ON subject_schemas(schema_type, canonical);
            CREATE INDEX subject_versions_schema ON subject_versions(schema_id);
            """),
        // ODPS v1.1.0 `deprecated` on a product and on its output ports, kept beside the index
        // columns so product lists need not parse each listed product's document. Filled for the
        // products already stored from their current revision.
        Migration("0011-deprecation-flags", sql: """
            ALTER TABLE products ADD COLUMN deprecated INTEGER NOT NULL DEFAULT 0 CHECK (deprecated IN (0, 1));
            ALTER TABLE product_ports ADD COLUMN deprecated INTEGER NOT NULL DEFAULT 0 CHECK (deprecated IN (0, 1));
            UPDATE products SET deprecated = 1 WHERE EXISTS (
                SELECT 1 FROM revisions r
                WHERE r.kind = 'product' AND r.key = products.id AND r.revision = products.revision
                    AND json_extract(r.document, '$.deprecated') IS 1);
            UPDATE product_ports SET deprecated = 1 WHERE direction = 'output' AND EXISTS (
                SELECT 1 FROM products p
                JOIN revisions r ON r.kind = 'product' AND r.key = p.id AND r.revision = p.revision,
                    json_each(r.document, '$.outputPorts') listed
                WHERE p.id = product_ports.product_id AND json_extract(listed.value, '$.name') = product_ports.port
                    AND json_extract(listed.value, '$.deprecated') IS 1);
            """),
        // Confluent schema references and data contracts (docs/ARCHITECTURE.md, "Confluent-compatible
        // API"): a schema's identity now takes in its references, metadata and rule set, so
        // `schema_identity` keeps the text-and-references part lookups match on (before this
        // migration the two are the same); the references of each schema id, by position; the
        // data-contract settings of `PUT /config`, global ones under the subject ''.
        Migration("0012-schema-references-and-rules", sql: """
            ALTER TABLE subject_schemas ADD COLUMN schema_identity TEXT NOT NULL DEFAULT '';
            UPDATE subject_schemas SET schema_identity = identity;
            ALTER TABLE subject_schemas ADD COLUMN metadata TEXT;
            ALTER TABLE subject_schemas ADD COLUMN rule_set TEXT;
            CREATE INDEX subject_schemas_schema_identity ON subject_schemas(schema_type, schema_identity);

            CREATE TABLE subject_schema_references (
                schema_id INTEGER NOT NULL REFERENCES subject_schemas(id),
                position INTEGER NOT NULL CHECK (position >= 0),
                name TEXT NOT NULL,
                subject TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version > 0),
                PRIMARY KEY (schema_id, position)
            ) STRICT;
            CREATE INDEX subject_schema_references_target ON subject_schema_references(subject, version);

            CREATE TABLE subject_contract_configs (
                subject TEXT PRIMARY KEY NOT NULL,
                default_metadata TEXT,
                override_metadata TEXT,
                default_rule_set TEXT,
                override_rule_set TEXT,
                updated_at TEXT NOT NULL
            ) STRICT;
            """),
    ])
}
