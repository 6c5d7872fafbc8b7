/// A key press or terminal happening, decoded by the backend and handled by the dashboard's pure `update`.
public enum Key: Sendable, Equatable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// A mouse button press at a screen cell.
    case mouse(x: Int, y: Int)
    /// The mouse wheel turned one notch (up: away from the user) with the pointer at a screen cell.
    case wheel(x: Int, y: Int, up: Bool)
}
