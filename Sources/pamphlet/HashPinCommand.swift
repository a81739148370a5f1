import ArgumentParser
import Foundation
import PamphletKit
import PamphletUI

/// `pamphlet hash-pin`: turns a staff PIN into the argon2id line for the --config file (or `site.yaml`).
struct HashPinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-pin",
        abstract: "Make the staff PIN hash for kiosk mode (argon2id, salted).",
        discussion: """
            Reads the PIN from standard input (without echo when it is a terminal, asking twice) and \
            prints one `pin_hash: "$argon2id$..."` line. Append it to the file given to \
            `pamphlet kiosk --config` (there it counts at the top level as well as under `kiosk:`), \
            or paste it under `kiosk:` in site.yaml, indented two spaces. To change the PIN, delete \
            the old pin_hash line first: a key set twice is refused. The PIN itself is never \
            printed or stored.

            When standard output is a file whose last line has no final newline (as with `>>` \
            onto a file edited by hand), a newline is written first, so the pin_hash line never \
            joins that line. On a terminal or a pipe the output is just the line.

            The PIN must be one that the kiosk's PIN field can take: at least \(PINHash.minimumPINLength) and at \
            most \(KioskKeys.maximumPINLength) characters, with no spaces (the field ignores them).

            Exits 0 when the line was printed; 2 when the PIN is refused (too short, too long, with a \
            space) or the two typed PINs differ; 64 when no PIN was given (standard input empty).

            Examples:
              pamphlet hash-pin                       type the PIN twice at the prompt
              printf '4826\\n' | pamphlet hash-pin     from a script
              pamphlet hash-pin >> /etc/pamphlet/kiosk.yaml
              sudo sh -c 'pamphlet hash-pin >> /etc/pamphlet/kiosk.yaml'
            """
    )

    func run() throws {
        let pin: String
        if isatty(STDIN_FILENO) == 1 {
            guard let first = TerminalPIN.read(prompt: "Staff PIN: ") else {
                CLIOutput.writeError("pamphlet hash-pin: no PIN was entered\n")
                throw ExitCode(64)
            }
            // Refused before "Again:", so nobody types an untypable PIN twice.
            try Self.refuseUntypable(first)
            guard let second = TerminalPIN.read(prompt: "Again: ") else {
                CLIOutput.writeError("pamphlet hash-pin: no PIN was entered\n")
                throw ExitCode(64)
            }
            guard first == second else {
                CLIOutput.writeError("The two PINs differ; nothing was printed.\n")
                throw ExitCode(2)
            }
            pin = first
        } else {
            guard let line = readLine(strippingNewline: true) else {
                // Not a ValidationError: thrown from run() that prints the root command's usage, not ours.
                let message = "pamphlet hash-pin: no PIN on standard input (it was empty); pipe one line, "
                    + "e.g. printf '4826\\n' | pamphlet hash-pin\nUsage: \(Pamphlet.usageString(for: HashPinCommand.self))\n"
                    + "  See 'pamphlet hash-pin --help' for more.\n"
                CLIOutput.writeError(message)
                throw ExitCode(64)
            }
            pin = line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        try Self.refuseUntypable(pin)
        do {
            let encoded = try PINHash.hash(pin)
            let line = "pin_hash: \"\(encoded)\"\n"
            StandardOutput.write(((OutputFile.lacksFinalNewline() ? "\n" : "") + line))
        } catch {
            CLIOutput.writeError("pamphlet hash-pin: \(error.description)\n")
            throw ExitCode(2)
        }
    }
}

extension HashPinCommand {
    /// Why the kiosk's PIN field could never take `pin`, or nil when it can: the field ignores
    /// spaces (and every other whitespace and control character) and stops at
    /// `KioskKeys.maximumPINLength` characters (see `pinKey` in KioskUpdate.swift). A hash of such a
    /// PIN locks staff out of the kiosk.
    static func untypableReason(_ pin: String) -> String? {
        if pin.contains(where: { $0.isWhitespace }) {
            return "The PIN contains a space (or another blank); the kiosk's PIN field ignores blanks, "
                + "so it could never be typed there. Choose a PIN without spaces."
        }
        if pin.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "The PIN contains a control character; the kiosk's PIN field cannot type it. "
                + "Use letters, digits and punctuation."
        }
        if pin.count > KioskKeys.maximumPINLength {
            return "The PIN has \(pin.count) characters; the kiosk's PIN field takes at most "
                + "\(KioskKeys.maximumPINLength). Choose a shorter one."
        }
        return nil
    }

    /// Exits 2 (as for a PIN that is too short) with the reason when the kiosk could not take `pin`.
    static func refuseUntypable(_ pin: String) throws {
        guard let reason = untypableReason(pin) else { return }
        CLIOutput.writeError("pamphlet hash-pin: \(reason) Nothing was printed.\n")
        throw ExitCode(2)
    }
}

/// Whether standard output is a non-empty regular file whose last byte is not a newline, i.e.
/// `hash-pin >> FILE` would glue the pin_hash line onto the file's last line.
enum OutputFile {
    static func lacksFinalNewline() -> Bool {
        var info = stat()
        guard fstat(STDOUT_FILENO, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return false }
        // Standard output is open for writing only: read the last byte through a second descriptor.
        let reader = open("/dev/fd/\(STDOUT_FILENO)", O_RDONLY)
        guard reader >= 0 else { return false }
        defer { close(reader) }
        var last: UInt8 = 0
        guard pread(reader, &last, 1, off_t(info.st_size - 1)) == 1 else { return false }
        return last != UInt8(ascii: "\n")
    }
}

/// Reads one line from the terminal with echo off, restoring the terminal afterwards.
enum TerminalPIN {
    static func read(prompt: String) -> String? {
        CLIOutput.writeError(prompt)
        var saved = termios()
        let haveSaved = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveSaved {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if haveSaved { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            CLIOutput.writeError("\n")
        }
        return readLine(strippingNewline: true)
    }
}
