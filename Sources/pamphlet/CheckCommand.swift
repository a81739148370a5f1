import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
