/// The CLI's exit codes: 0 ok, 1 a check failed, 2 usage or input error.
enum ExitStatus: Int32 {
    case success = 0
    case checkFailed = 1
    case usageError = 2
}
