import SQL

/// SQLite's names for the engine-neutral value types (docs/ARCHITECTURE.md, "Storage seam").
public typealias SQLiteValue = SQLValue
public typealias SQLiteBindable = SQLBindable
