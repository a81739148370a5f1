import CLibFuzzer

/// Hands control to libFuzzer with `body` as the fuzz function (`LLVMFuzzerTestOneInput`'s role).
/// Command-line flags are libFuzzer's (`-max_total_time=60`, a corpus folder, a crash file to rerun).
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, body)
    exit(status)
}

@_silgen_name("exit")
private func exit(_ status: Int32) -> Never
