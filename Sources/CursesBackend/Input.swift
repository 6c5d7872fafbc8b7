import CNCurses
import TerminalUI

extension CursesScreen {
    /// Waits up to `timeoutMilliseconds` (0: do not wait) for a key, a mouse click or a resize.
    public func read(timeoutMilliseconds: Int32) -> InputEvent? {
        let window = nntop_stdscr()
        wtimeout(window, timeoutMilliseconds)
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        if result == nntop_err() { return nil }
        if result == nntop_key_code_yes() { return special(Int32(ch)) }
        return character(UInt32(ch))
    }

    private func special(_ code: Int32) -> InputEvent? {
        switch code {
        case nntop_key_resize(): return .resize(size)
        case nntop_key_up(): return .key(.up)
        case nntop_key_down(): return .key(.down)
        case nntop_key_left(): return .key(.left)
        case nntop_key_right(): return .key(.right)
        case nntop_key_ppage(): return .key(.pageUp)
        case nntop_key_npage(): return .key(.pageDown)
        case nntop_key_home(): return .key(.home)
        case nntop_key_end(): return .key(.end)
        case nntop_key_backspace(): return .key(.backspace)
        case nntop_key_dc(): return .key(.delete)
        case nntop_key_btab(): return .key(.backTab)
        case nntop_key_enter(): return .key(.enter)
        case nntop_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == 0 else { return nil }
            let (x, y) = (Int(event.x), Int(event.y))
            if event.bstate & nntop_wheel_up() != 0 { return .key(.wheel(x: x, y: y, up: true)) }
            if nntop_wheel_down() != 0, event.bstate & nntop_wheel_down() != 0 {
                return .key(.wheel(x: x, y: y, up: false))
            }
            guard event.bstate & (nntop_button1_pressed() | nntop_button1_clicked()) != 0 else { return nil }
            return .key(.mouse(x: x, y: y))
        case nntop_key_f1()..<(nntop_key_f1() + 12): return .key(.function(Int(code - nntop_key_f1()) + 1))
        default: return nil
        }
    }

    private func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
