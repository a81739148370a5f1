import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
