import Foundation
import Yams

/// Kiosk settings from a separate file given with `pamphlet kiosk --config FILE`, so the PIN hash can live
/// outside the content folder (e.g. `/etc/pamphlet/kiosk.yaml`, readable only by the kiosk user).
/// The keys (`idle_timeout`, `countdown`, `pin_hash`, `allow_exit`) may sit under a `kiosk:` mapping,
/// at the top level, or both: `pamphlet hash-pin >> kiosk.yaml` appends a top-level `pin_hash:` line
/// after the example's `kiosk:` mapping, and that must count. A key set in both places is an error
/// (which one was meant is unknowable). Keys it leaves out fall back to `site.yaml`.
public struct KioskConfigFile: Sendable, Equatable {
    public var idleTimeoutSeconds: Int?
    public var countdownSeconds: Int?
    public var pinHash: String?
    public var allowExit: Bool?
    /// Where `pinHash` was set (`path:line`), so a hash libargon2 rejects later is named at its line.
    public var pinHashOrigin: String?
    /// Unknown keys, reported as warnings.
    public var warnings: [Diagnostic] = []

    public init(idleTimeoutSeconds: Int? = nil, countdownSeconds: Int? = nil, pinHash: String? = nil, allowExit: Bool? = nil) {
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.countdownSeconds = countdownSeconds
        self.pinHash = pinHash
        self.allowExit = allowExit
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(KioskSettingsError) -> KioskConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses YAML text; `path` names the file in error messages.
    public static func parse(_ text: String, path: String) throws(KioskSettingsError) -> KioskConfigFile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw yamlError(error, text: text, path: path)
        }
        guard let mapping = root?.mapping else {
            if root == nil { return KioskConfigFile() }
            throw .invalid(path: path, line: root?.mark?.line, message: "expected a mapping of kiosk settings")
        }
        // Top-level entries, then the `kiosk:` mapping's (an empty `kiosk:` is null: nothing in it).
        var entries: [(key: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard keyNode.string == "kiosk" else { entries.append((keyNode, value)); continue }
            if value.null != nil { continue }
            guard let inner = value.mapping else {
                throw .invalid(path: path, line: keyNode.mark?.line, message: "`kiosk:` must be a mapping")
            }
            entries += inner.map { ($0.key, $0.value) }
        }
        var file = KioskConfigFile()
        var seen: [String: Int] = [:]
        for (keyNode, value) in entries {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            if value.null != nil { continue }  // `pin_hash:` or `pin_hash: null`: not set here
            if let first = seen[key] {
                throw .invalid(path: path, line: line, message:
                    "`\(key)` is set twice (also on line \(first)): keep one, either under `kiosk:` or at the top level")
            }
            seen[key] = line ?? 0
            func seconds(in range: ClosedRange<Int>) throws(KioskSettingsError) -> Int {
                guard let n = value.int, range.contains(n) else {
                    throw .invalid(path: path, line: line, message:
                        "`\(key)` must be a whole number of seconds from \(range.lowerBound) to \(range.upperBound)")
                }
                return n
            }
            switch key {
            case "idle_timeout": file.idleTimeoutSeconds = try seconds(in: KioskSettings.idleTimeoutRange)
            case "countdown": file.countdownSeconds = try seconds(in: KioskSettings.countdownRange)
            case "pin_hash":
                guard let s = value.string, !s.isEmpty else {
                    throw .invalid(path: path, line: line, message: "`pin_hash` must be the quoted line printed by `pamphlet hash-pin`")
                }
                // The cheap check here, where the line is known; libargon2's full check comes in `resolve`.
                guard s.hasPrefix("$argon2id$") else {
                    throw .invalid(path: path, line: line, message:
                        "`pin_hash` is not an argon2id hash (it must start with $argon2id$); make one with `pamphlet hash-pin`")
                }
                file.pinHash = s
                file.pinHashOrigin = line.map { "\(path):\($0)" } ?? path
            case "allow_exit":
                guard let b = value.bool else {
                    throw .invalid(path: path, line: line, message: "`allow_exit` must be true or false")
                }
                file.allowExit = b
            default:
                file.warnings.append(.warning(path, line: line ?? 1, "unknown kiosk setting `\(key)` (ignored)"))
            }
        }
        return file
    }

    /// libyaml's complaint at its line, without Yams' copy of the whole file. A key repeated in
    /// one mapping (typically a second `hash-pin >>` line) is named at the repeat.
    private static func yamlError(_ error: any Error, text: String, path: String) -> KioskSettingsError {
        switch error as? YamlError {
        case let .duplicatedKeysInMapping(duplicates, context)?:
            let key = duplicates.first ?? ""
            let first = context.mark.line
            let repeated = YAMLReader.repeatedKey(key, after: first, column: context.mark.column, in: text)
            return .invalid(path: path, line: repeated?.line ?? first, message:
                "`\(key)` is set twice (also on line \(first)): keep one (to change the PIN, delete the old pin_hash line)")
        case let .scanner(_, problem, mark, _)?, let .parser(_, problem, mark, _)?, let .composer(_, problem, mark, _)?:
            return .invalid(path: path, line: mark.line, message: "not valid YAML: \(problem)")
        default:
            return .invalid(path: path, line: nil, message: "not valid YAML: \(error)")
        }
    }
}

/// Why the kiosk cannot start with these settings (exit code 2).
public enum KioskSettingsError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case invalid(path: String, line: Int?, message: String)
    case noPIN
    case badPINHash(String)
    case badTimeout(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the kiosk config file"
        case .invalid(let path, let line, let message): "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
        case .noPIN:
            """
            No staff PIN is configured, so staff could not exit the kiosk.
            Run `pamphlet hash-pin >> FILE` to append a `pin_hash:` line to the --config file (or paste \
            the printed line under `kiosk:` in site.yaml), or pass --no-exit if exit must be impossible \
            by design.
            """
        case .badPINHash(let why): why
        case .badTimeout(let why): why
        }
    }
}

/// The settings a kiosk runs with, after `site.yaml`, the `--config` file and flags are combined
/// (flags win, then the config file, then `site.yaml`).
public struct ResolvedKioskSettings: Sendable, Equatable {
    /// Seconds without input before the "Still there?" countdown starts.
    public var idleTimeout: Double
    /// Seconds the countdown lasts before the kiosk starts over.
    public var countdown: Double
    /// The argon2id hash staff PINs are checked against; nil when exit is impossible.
    public var pinHash: String?
    /// Whether the staff chord opens the PIN prompt at all.
    public var exitAllowed: Bool

    public init(idleTimeout: Double, countdown: Double, pinHash: String?, exitAllowed: Bool) {
        self.idleTimeout = idleTimeout
        self.countdown = countdown
        self.pinHash = pinHash
        self.exitAllowed = exitAllowed
    }

    /// Combines the sources. Refuses a kiosk that allows exit but has no (valid) PIN hash;
    /// `noExit` (or `allow_exit: false`) makes exit impossible and needs no PIN.
    /// `checkHash` validates the hash with libargon2 (one slow verification). `siteOrigin` names
    /// site.yaml in that error when the hash came from there.
    public static func resolve(site: KioskSettings, config: KioskConfigFile? = nil,
                               idleTimeout: Int? = nil, noExit: Bool = false,
                               checkHash: Bool = true, siteOrigin: String? = nil) throws(KioskSettingsError) -> ResolvedKioskSettings {
        let idle = idleTimeout ?? config?.idleTimeoutSeconds ?? site.idleTimeoutSeconds
        let countdown = config?.countdownSeconds ?? site.countdownSeconds
        let idleRange = KioskSettings.idleTimeoutRange, countdownRange = KioskSettings.countdownRange
        guard idleRange.contains(idle) else {
            throw .badTimeout("The idle timeout must be \(idleRange.lowerBound) to \(idleRange.upperBound) seconds (got \(idle)).")
        }
        guard countdownRange.contains(countdown) else {
            throw .badTimeout("The countdown must be \(countdownRange.lowerBound) to \(countdownRange.upperBound) seconds (got \(countdown)).")
        }
        let exitAllowed = !noExit && (config?.allowExit ?? site.allowExit)
        var hash = config?.pinHash ?? site.pinHash
        if exitAllowed {
            guard let pinHash = hash else { throw .noPIN }
            if checkHash {
                do { try PINHash.validate(pinHash) } catch {
                    // Name the file (and line) the hash came from: a kiosk may have two places for it.
                    let origin = config?.pinHash != nil ? config?.pinHashOrigin : siteOrigin
                    throw .badPINHash((origin.map { "\($0): " } ?? "") + error.description)
                }
            }
        } else {
            hash = nil
        }
        return ResolvedKioskSettings(idleTimeout: Double(idle), countdown: Double(countdown),
                                     pinHash: hash, exitAllowed: exitAllowed)
    }
}
