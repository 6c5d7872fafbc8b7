import TerminalUI

/// Keys while a probe field has focus: type a number, Tab/Shift-Tab between fields, Esc or Enter out.
func editProbe(_ state: inout DashboardState, field: Int, key: Key) -> [Effect] {
    let count = state.probeTexts.count
    switch key {
    case .escape, .enter:
        state.focus = .none
    case .tab, .down:
        state.focus = .probe((field + 1) % count)
        state.fieldSelected = true
    case .backTab, .up:
        state.focus = .probe((field + count - 1) % count)
        state.fieldSelected = true
    default:
        // A letter is kept too, so the field can say what is wrong with it rather than swallowing keys silently.
        TextEntry.edit(&state, \.probeTexts[field], key: key, limit: 24) { c in
            c.isNumber || "+-.eE".contains(c) || c.isLetter || c.isPunctuation || c.isSymbol
        }
    }
    return []
}

/// Keys while typing an exact learning rate: Enter applies it, Esc cancels.
func editLearningRate(_ state: inout DashboardState, key: Key) -> [Effect] {
    switch key {
    case .escape:
        state.focus = .none
    case .enter:
        state.focus = .none
        guard let rate = Double(state.learningRateText), rate.isFinite, rate > 0, rate <= 1000 else {
            state.notice = .problem("learning rate must be a number in (0, 1000], got \"\(state.learningRateText)\"")
            return []
        }
        return [.command(.setLearningRate(rate))]
    default:
        TextEntry.edit(&state, \.learningRateText, key: key, limit: 16) { !$0.isWhitespace }
    }
    return []
}

/// What Backspace, Delete and a typed character do to a text field: the probe's, the learning rate, a Network
/// parameter's value. A field entered whole is selected (`fieldSelected`): the first key typed replaces it and
/// Backspace clears it.
enum TextEntry {
    /// `key` typed into the text at `field`: Backspace or Delete takes its last character away, a character
    /// `accepts` takes is added while the text is shorter than `limit`; any other key changes nothing.
    static func edit(
        _ state: inout DashboardState, _ field: WritableKeyPath<DashboardState, String>, key: Key, limit: Int,
        accepts: (Character) -> Bool
    ) {
        switch key {
        case .backspace, .delete:
            if state.fieldSelected { state[keyPath: field] = "" }
            if !state[keyPath: field].isEmpty { state[keyPath: field].removeLast() }
            state.fieldSelected = false
        case .character(let c) where accepts(c):
            if state.fieldSelected { state[keyPath: field] = "" }
            state.fieldSelected = false
            if state[keyPath: field].count < limit { state[keyPath: field].append(c) }
        default:
            break
        }
    }
}

extension String {
    /// The text without `set` at either end (the spaces around a typed number).
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
