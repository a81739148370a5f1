import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct HashPinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hash-pin", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
