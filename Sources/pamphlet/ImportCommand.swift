import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
