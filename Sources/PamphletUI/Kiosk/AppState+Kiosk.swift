import PamphletKit

extension AppState: KioskBrowsable {
    /// A new browser for the next patient; the previous one (and its layout cache) is dropped whole.
    public static func kioskFresh(content: LoadedContent, options: AppOptions) -> AppState {
        AppState(content: content, options: options)
    }

    /// The clinic's document on screen, if any (built-in help and crisis pages have no URL).
    public var kioskCurrentDocument: Document? {
        guard case .document(let id) = route else { return nil }
        return content.library.document(id)
    }

    public func kioskCrisisHintContains(x: Int, y: Int) -> Bool {
        !isTooSmall(width: width, height: height) && crisisHintContains(x: x, y: y)
    }
}
