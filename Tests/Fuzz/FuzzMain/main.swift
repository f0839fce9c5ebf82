import FuzzTargets
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The target this process fuzzes, from MESHREG_FUZZ_TARGET (see `Tests/Fuzz/run`).
let target: FuzzTarget = {
    guard let name = getenv("MESHREG_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        fatalError("set MESHREG_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    target.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
