import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
