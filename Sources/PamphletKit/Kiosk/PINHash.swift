import CArgon2

/// Staff PIN hashing with libargon2 (argon2id): a random salt, a slow memory-hard hash, and the
/// standard encoded form (`$argon2id$v=19$m=65536,t=3,p=1$salt$hash`) that goes in `site.yaml`.
/// The PIN is never stored or compared as plain text.
public enum PINHash {
    /// Passes over memory (argon2's t).
    public static let timeCost: UInt32 = 3
    /// Memory in KiB (64 MiB): what makes guessing expensive on a GPU.
    public static let memoryKiB: UInt32 = 64 * 1024
    public static let parallelism: UInt32 = 1
    public static let saltLength = 16
    public static let hashLength = 32
    /// Shortest PIN `pamphlet hash-pin` accepts.
    public static let minimumPINLength = 4

    /// Errors from hashing or from a malformed encoded hash.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case pinTooShort(minimum: Int)
        case library(String)
        case malformed(String)

        public var description: String {
            switch self {
            case .pinTooShort(let minimum): "The PIN must have at least \(minimum) characters."
            case .library(let message): "argon2 failed: \(message)"
            case .malformed(let why): "The pin_hash is not a valid argon2id hash (\(why)). Make one with `pamphlet hash-pin`."
            }
        }
    }

    /// Hashes `pin` with a fresh random salt; returns the encoded string to store.
    public static func hash(_ pin: String) throws(Failure) -> String {
        var salt = [UInt8](repeating: 0, count: saltLength)
        // SystemRandomNumberGenerator reads the kernel CSPRNG (getrandom on Linux).
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = rng.next() }
        return try hash(pin, salt: salt)
    }

    /// Hashes with a given salt (tests use a fixed one; real callers use `hash(_:)`).
    public static func hash(_ pin: String, salt: [UInt8]) throws(Failure) -> String {
        guard pin.count >= minimumPINLength else { throw .pinTooShort(minimum: minimumPINLength) }
        let password = Array(pin.utf8)
        let length = argon2_encodedlen(timeCost, memoryKiB, parallelism, UInt32(salt.count), UInt32(hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: length + 1)
        let status = password.withUnsafeBytes { pwd in
            salt.withUnsafeBytes { saltBytes in
                argon2id_hash_encoded(timeCost, memoryKiB, parallelism, pwd.baseAddress, pwd.count,
                                      saltBytes.baseAddress, saltBytes.count, hashLength, &encoded, encoded.count)
            }
        }
        guard status == ARGON2_OK.rawValue else { throw .library(errorMessage(status)) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `pin` matches `encoded`. Slow on purpose (about a quarter second): call it off the UI loop.
    public static func verify(_ pin: String, against encoded: String) -> Bool {
        check(pin, against: encoded) == ARGON2_OK.rawValue
    }

    /// Checks that `encoded` is an argon2id hash libargon2 can decode (costs one verification).
    public static func validate(_ encoded: String) throws(Failure) {
        guard encoded.hasPrefix("$argon2id$") else { throw .malformed("it must start with $argon2id$") }
        let status = check("\u{0}not-a-pin", against: encoded)
        if status == ARGON2_OK.rawValue || status == ARGON2_VERIFY_MISMATCH.rawValue { return }
        throw .malformed(errorMessage(status))
    }

    private static func check(_ pin: String, against encoded: String) -> Int32 {
        let password = Array(pin.utf8)
        return password.withUnsafeBytes { pwd in
            argon2id_verify(encoded, pwd.baseAddress, pwd.count)
        }
    }

    private static func errorMessage(_ status: Int32) -> String {
        guard let message = argon2_error_message(status) else { return "error \(status)" }
        return String(cString: message)
    }
}
