/// The version `pamphlet --version` prints: the one place it is written.
enum PamphletVersion {
    static let current = "0.1.0"
}
