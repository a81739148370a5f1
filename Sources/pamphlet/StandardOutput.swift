import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output for the commands: every byte written, or one clear error and exit status 1.
///
/// `print` (buffered by the C library) drops write errors: `pamphlet search x --json > out.json` on a
/// full disk exited 0 with an empty file. A reader that goes away (`pamphlet list | head`) is not an
/// error: the process ends quietly, killed by SIGPIPE as other Unix tools are (status 141 in a shell
/// with `set -o pipefail`), whatever the command and however much it had left to write.
enum StandardOutput {
    /// Run first, before anything opens a file. A closed standard descriptor would be handed to the
    /// next file opened (a content file, the search snapshot being written) and output would land
    /// in it: /dev/null takes its place, read-only for standard output so that writing still fails
    /// (and is reported). SIGPIPE goes back to its default, in case the parent ignored it.
    static func prepare() {
        for (descriptor, flags) in [(Int32(0), O_RDONLY), (1, O_RDONLY), (2, O_WRONLY)]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", flags)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
        signal(SIGPIPE, SIG_DFL)
    }

    /// Writes `text` to standard output as it is (callers clean content with `TerminalSafeText`).
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        fflush(nil)  // anything `print` buffered goes first
        if let error = writeAll(text, to: STDOUT_FILENO) { fail(error) }
    }

    /// Writes all of `text` to `descriptor`, retrying after interruptions; the errno of a failed
    /// write, nil when everything was written.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(descriptor, base + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return written < 0 ? errno : EIO }
                offset += written
            }
            return nil
        }
    }

    /// Writes `text` and a newline.
    static func line(_ text: String) { write(text + "\n") }

    /// Flushes what `print` may have buffered (nothing should: the commands write through `write`)
    /// and reports a failure; called once a command has finished, before exiting.
    static func finish() {
        errno = 0
        if fflush(nil) != 0 { fail(errno != 0 ? errno : EIO) }
    }

    /// Ends the process for a failed write: quietly by SIGPIPE for a closed pipe, else with one
    /// line on standard error and status 1.
    static func fail(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(128 + SIGPIPE)  // not reached unless SIGPIPE is blocked
        }
        CLIOutput.printError("pamphlet: cannot write to standard output: \(String(cString: strerror(code)))")
        // `_exit`: nothing is left to flush (stdout is what failed, stderr is unbuffered), and
        // `exit` would run the at-exit handlers in the middle of a command, its objects still live.
        _exit(1)
    }
}

#if canImport(Glibc)
let posixWrite = Glibc.write
#elseif canImport(Darwin)
let posixWrite = Darwin.write
#endif
