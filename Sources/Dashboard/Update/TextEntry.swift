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
    case .backspace, .delete:
        if state.fieldSelected { state.probeTexts[field] = "" }
        if !state.probeTexts[field].isEmpty { state.probeTexts[field].removeLast() }
        state.fieldSelected = false
    case .character(let c) where c.isNumber || "+-.eE".contains(c) || c.isLetter || c.isPunctuation || c.isSymbol:
        // A letter is kept too, so the field can say what is wrong with it rather than swallowing keys silently.
        if state.fieldSelected { state.probeTexts[field] = "" }
        state.fieldSelected = false
        if state.probeTexts[field].count < 24 { state.probeTexts[field].append(c) }
    default:
        break
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
    case .backspace, .delete:
        if state.fieldSelected { state.learningRateText = "" }
        if !state.learningRateText.isEmpty { state.learningRateText.removeLast() }
        state.fieldSelected = false
    case .character(let c) where !c.isWhitespace:
        if state.fieldSelected { state.learningRateText = "" }
        state.fieldSelected = false
        if state.learningRateText.count < 16 { state.learningRateText.append(c) }
    default:
        break
    }
    return []
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
