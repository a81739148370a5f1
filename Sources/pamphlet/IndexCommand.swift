import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
