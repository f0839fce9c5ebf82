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
    ])
}
