/// Finds telephone numbers in a line ("(555) 123-4567", "555-123-4567", "+44 20 7946 0958"),
/// so that a call to action with its number ("Call us today: (555) 123-4567") is recognised as
/// one, and a line carrying a number is not taken for a heading.
///
/// A number is a run of digit groups joined by spaces, `-`, `.` or parentheses, optionally after
/// a `+`: 10 to 15 digits in 2 to 5 groups of at most 4 digits, the first at most 3 (so
/// "2024-01-01", "1989 1991 2001" and an ISBN are not numbers), at least two groups of 3 or 4,
/// and no letter or digit right before or after it.
enum PhoneNumber {
    /// The line with its telephone numbers removed, and how many were removed.
    static func removing(from text: String) -> (rest: String, count: Int) {
        let chars = Array(text)
        var rest = ""
        var count = 0
        var i = 0
        while i < chars.count {
            if let end = match(chars, at: i) {
                count += 1
                rest.append(" ")
                i = end
            } else {
                rest.append(chars[i])
                i += 1
            }
        }
        return (rest, count)
    }

    static func contains(_ text: String) -> Bool {
        guard text.contains(where: \.isNumber) else { return false }
        return removing(from: text).count > 0
    }

    /// The end index of a number starting at `start`, or nil.
    private static func match(_ chars: [Character], at start: Int) -> Int? {
        let first = chars[start]
        guard first == "+" || first == "(" || first.isASCII && first.isNumber else { return nil }
        if start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber { return nil }
        var groups: [Int] = []
        var digits = 0
        var i = start
        if first == "+" { i += 1 }
        var lastDigitEnd = start
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                var n = 0
                while i < chars.count, chars[i].isASCII && chars[i].isNumber { n += 1; i += 1 }
                groups.append(n)
                digits += n
                lastDigitEnd = i
            } else if c == " " || c == "-" || c == "." || c == "(" || c == ")" {
                i += 1
            } else {
                break
            }
        }
        guard lastDigitEnd > start, lastDigitEnd == chars.count || !(chars[lastDigitEnd].isLetter || chars[lastDigitEnd].isNumber),
              (10...15).contains(digits), (2...5).contains(groups.count), let lead = groups.first, lead <= 3,
              groups.allSatisfy({ $0 <= 4 }), groups.filter({ $0 >= 3 }).count >= 2 else { return nil }
        return lastDigitEnd
    }
}
