/// Terminal-independent drawing: geometry, a cell buffer, glyph sets and widgets.
public enum TerminalUI {}
