/// The marks and border pieces the views draw, in Unicode or plain ASCII
/// (the terminal layer asks for ASCII when the locale is not UTF-8).
public struct Glyphs: Sendable, Hashable {
    public var vertical: String
    public var horizontal: String
    public var cross: String
    public var bullet: String
    public var subBullet: String
    public var pointer: String
    public var collapsed: String
    public var expanded: String
    public var checked: String
    public var unchecked: String
    public var breadcrumb: String
    public var ellipsis: String
    public var quoteBar: String
    public var warning: String
    public var cursor: String
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String

    public static let unicode = Glyphs(
        vertical: "│", horizontal: "─", cross: "┼", bullet: "•", subBullet: "◦", pointer: "▶",
        collapsed: "▸", expanded: "▾", checked: "[x]", unchecked: "[ ]", breadcrumb: " › ",
        ellipsis: "…", quoteBar: "│", warning: "⚠", cursor: "▏",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→")

    public static let ascii = Glyphs(
        vertical: "|", horizontal: "-", cross: "+", bullet: "*", subBullet: "-", pointer: ">",
        collapsed: "+", expanded: "-", checked: "[x]", unchecked: "[ ]", breadcrumb: " > ",
        ellipsis: "...", quoteBar: "|", warning: "!", cursor: "_",
        arrowUp: "Up", arrowDown: "Down", arrowLeft: "Left", arrowRight: "Right")
}
