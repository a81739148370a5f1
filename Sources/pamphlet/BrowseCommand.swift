import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
