#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(CommandLineInterface.run(Array(CommandLine.arguments.dropFirst())).rawValue)
