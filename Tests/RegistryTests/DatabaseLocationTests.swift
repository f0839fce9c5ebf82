import Registry
import Testing

struct DatabaseLocationTests {
    @Test(arguments: [
        ("meshreg.sqlite", DatabaseLocation.sqlite(path: "meshreg.sqlite")),
        ("/var/lib/meshreg/postgres.sqlite", .sqlite(path: "/var/lib/meshreg/postgres.sqlite")),
        ("postgres://db/meshreg", .postgres(uri: "postgres://db/meshreg")),
        ("PostgreSQL://db/meshreg", .postgres(uri: "PostgreSQL://db/meshreg")),
    ])
    func aURIWithAPostgresSchemeNamesPostgres(text: String, location: DatabaseLocation) {
        #expect(DatabaseLocation(text) == location)
    }

    @Test(arguments: [
        ("postgresql://registry:s3cret@db:5432/meshreg?sslmode=require", "postgresql://registry:***@db:5432/meshreg?sslmode=require"),
        ("postgresql://registry@db/meshreg", "postgresql://registry@db/meshreg"),
        ("postgresql://db/meshreg?user=registry&password=s3cret&sslmode=verify-full", "postgresql://db/meshreg?user=registry&password=***&sslmode=verify-full"),
        ("postgresql://a:b@c@db/meshreg", "postgresql://a:***@db/meshreg"),
        ("postgresql:///meshreg?host=/run/postgresql", "postgresql:///meshreg?host=/run/postgresql"),
    ])
    func descriptionsNeverShowAPassword(uri: String, shown: String) {
        #expect(DatabaseLocation(uri).description == shown)
    }
}
