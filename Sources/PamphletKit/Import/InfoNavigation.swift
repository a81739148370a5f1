/// GNU Info manuals saved as text (`zcat foo.info.gz`) carry navigation that is not prose:
/// the preamble, `File: x.info,  Node: ...` lines, `* Menu:` blocks and the tag table.
enum InfoNavigation {
    static func isNodeLine(_ text: String) -> Bool {
        text.hasPrefix("File: ") && text.contains("Node: ")
    }

    /// Indices of navigation lines; empty unless the text is an Info file.
    static func navigationLines(_ lines: [SourceLine]) -> [Int] {
        guard let firstNode = lines.firstIndex(where: { isNodeLine($0.text) }) else { return [] }
        var drop = Array(0...firstNode)
        var inMenu = false
        for index in lines.indices.dropFirst(firstNode + 1) {
            let text = lines[index].text
            if isNodeLine(text) || text == "Tag Table:" || text == "End Tag Table" || text.hasPrefix("Node: ") {
                inMenu = false
                drop.append(index)
            } else if text == "* Menu:" {
                inMenu = true
                drop.append(index)
            } else if inMenu {
                drop.append(index)
            }
        }
        return drop
    }
}
