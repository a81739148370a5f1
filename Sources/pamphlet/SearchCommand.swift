import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
