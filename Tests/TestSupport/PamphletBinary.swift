import Foundation

/// The `pamphlet` executable the end-to-end tests run (the same lookup as `RepoPaths.binary`).
public enum PamphletBinary {
    public static var url: URL { RepoPaths.binary }
}
