import ArgumentParser

/// A number given to an option (`search --limit`, `show --width`, `kiosk --idle-timeout`), kept as
/// typed and checked by the command. Parsed by ArgumentParser as an `Int`, `--limit -1` read as a
/// missing value (`-1` looks like an option) and `--limit abc` as "invalid" without saying what is
/// valid (review E 15). With `parsing: .unconditional` the word after the option is always its value.
struct WholeNumber: ExpressibleByArgument, Sendable {
    var text: String

    init(_ value: Int) { text = String(value) }
    init?(argument: String) { text = argument }

    var value: Int? { Int(text) }
    var defaultValueDescription: String { text }

    /// "--limit must be a whole number of 1 or more (got -1)", or nil when the value is one.
    /// `unit` follows the minimum ("1 or more seconds").
    func problem(option: String, minimum: Int, unit: String = "") -> String? {
        if let value, value >= minimum { return nil }
        return "\(option) must be a whole number of \(minimum) or more\(unit.isEmpty ? "" : " " + unit) (got \(text))"
    }
}
