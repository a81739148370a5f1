import ArgumentParser

// Placeholder: filled in by the issue that owns this command.
struct KioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kiosk", abstract: "(not yet built)")
    func run() async throws { throw ExitCode(3) }
}
