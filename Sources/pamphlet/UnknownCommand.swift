import PamphletKit

/// A mistyped subcommand (`pamphlet serach x`): without this, ArgumentParser hands the words to the
/// default command, `browse`, which answers with its own usage ("2 unexpected arguments").
/// `browse` takes no positional arguments, so a first argument that is not an option and not a
/// command is always a mistake.
enum UnknownCommand {
    /// The message for `arguments` when their first word names no command, else nil.
    static func message(for arguments: [String], commands: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        var message = "pamphlet: '\(word)' is not a command"
        if let close = Suggestions.closest(to: word, in: commands, limit: 1).first { message += "; did you mean '\(close)'?" }
        return message + "\nCommands: \(commands.joined(separator: ", ")) (see `pamphlet --help`)."
    }
}
