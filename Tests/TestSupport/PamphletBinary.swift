import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `pamphlet` executable the end-to-end tests run (the same lookup as `RepoPaths.binary`).
public enum PamphletBinary {
    public static var url: URL { RepoPaths.binary }

    /// Copies the binary to `destination`, executable. The copy is written through a close-on-exec
    /// descriptor: `FileManager.copyItem` leaves its descriptor inheritable, so a test starting a
    /// process on another thread meanwhile hands the child a write handle, and running the copy then
    /// fails with "Text file busy" (exit 126; CI stop 17).
    public static func copy(to destination: URL) throws {
        let bytes = try Data(contentsOf: url)
        let descriptor = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
