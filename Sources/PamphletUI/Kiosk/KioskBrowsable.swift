import PamphletKit

/// What the kiosk needs from the browser it wraps. `AppState` conforms; tests may use it directly.
public protocol KioskBrowsable: Program {
    /// A brand-new browser on the home screen: no search text, history, scroll positions,
    /// expanded answers or self-check ticks. The kiosk makes one for every patient.
    static func kioskFresh(content: LoadedContent, options: AppOptions) -> Self
    /// The document on screen, if any: its `url` becomes the "take it home" QR code.
    var kioskCurrentDocument: Document? { get }
    /// Whether a tap at a cell of the browser's screen lands on its "Need help now? Press F2"
    /// hint: the kiosk lets it through every box over the page, as it lets F2 (review J 6).
    func kioskCrisisHintContains(x: Int, y: Int) -> Bool
}
