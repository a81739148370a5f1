import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
