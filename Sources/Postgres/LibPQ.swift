import CPostgres
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libpq's functions, loaded with `dlopen` the first time a PostgreSQL database is opened
/// (docs/ARCHITECTURE.md, "PostgreSQL"): the CLI's start-up on SQLite pays nothing for libpq and
/// its two dozen dependencies, and the binary runs where libpq is not installed until it is needed.
struct LibPQ: @unchecked Sendable {
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer
    typealias NoticeProcessor = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void

    let connectdbParams: @convention(c) (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, Int32) -> Connection?
    let status: @convention(c) (Connection?) -> ConnStatusType
    let errorMessage: @convention(c) (Connection?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (Connection?) -> Void
    let setNoticeProcessor: @convention(c) (Connection?, NoticeProcessor?, UnsafeMutableRawPointer?) -> NoticeProcessor?
    let backendPID: @convention(c) (Connection?) -> Int32
    let exec: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Result?
    let execParams: @convention(c) (Connection?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?,
                                    UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Result?
    let prepare: @convention(c) (Connection?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?) -> Result?
    let execPrepared: @convention(c) (Connection?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?,
                                      UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Result?
    let clear: @convention(c) (Result?) -> Void
    let resultStatus: @convention(c) (Result?) -> ExecStatusType
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let cmdTuples: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let ntuples: @convention(c) (Result?) -> Int32
    let nfields: @convention(c) (Result?) -> Int32
    let fname: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let ftype: @convention(c) (Result?, Int32) -> Oid
    let getlength: @convention(c) (Result?, Int32, Int32) -> Int32
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let socket: @convention(c) (Connection?) -> Int32
    let consumeInput: @convention(c) (Connection?) -> Int32
    let notifies: @convention(c) (Connection?) -> UnsafeMutablePointer<PGnotify>?
    let freemem: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let escapeIdentifier: @convention(c) (Connection?, UnsafePointer<CChar>?, Int) -> UnsafeMutablePointer<CChar>?

    /// The loaded library, or why it could not be loaded.
    static let shared: Swift.Result<LibPQ, PostgresError> = load()

    static func loaded() throws(PostgresError) -> LibPQ {
        try shared.get()
    }

    private static let libraryNames = ["libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"]

    private static func load() -> Swift.Result<LibPQ, PostgresError> {
        guard let library = libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(PostgresError(sqlState: "", message: "a PostgreSQL database needs libpq, which could not be loaded (\(reason)); install it (Debian: apt-get install libpq5)"))
        }
        func symbol<T>(_ name: String) throws(PostgresError) -> T {
            guard let address = dlsym(library, name) else {
                throw PostgresError(sqlState: "", message: "the libpq found lacks \(name); install libpq 10 or newer")
            }
            return unsafeBitCast(address, to: T.self)
        }
        do {
            let functions = try LibPQ(
                connectdbParams: symbol("PQconnectdbParams"),
                status: symbol("PQstatus"),
                errorMessage: symbol("PQerrorMessage"),
                finish: symbol("PQfinish"),
                setNoticeProcessor: symbol("PQsetNoticeProcessor"),
                backendPID: symbol("PQbackendPID"),
                exec: symbol("PQexec"),
                execParams: symbol("PQexecParams"),
                prepare: symbol("PQprepare"),
                execPrepared: symbol("PQexecPrepared"),
                clear: symbol("PQclear"),
                resultStatus: symbol("PQresultStatus"),
                resultErrorField: symbol("PQresultErrorField"),
                cmdTuples: symbol("PQcmdTuples"),
                ntuples: symbol("PQntuples"),
                nfields: symbol("PQnfields"),
                fname: symbol("PQfname"),
                ftype: symbol("PQftype"),
                getlength: symbol("PQgetlength"),
                getisnull: symbol("PQgetisnull"),
                getvalue: symbol("PQgetvalue"),
                socket: symbol("PQsocket"),
                consumeInput: symbol("PQconsumeInput"),
                notifies: symbol("PQnotifies"),
                freemem: symbol("PQfreemem"),
                escapeIdentifier: symbol("PQescapeIdentifier"))
            return .success(functions)
        } catch {
            return .failure(error)
        }
    }
}
