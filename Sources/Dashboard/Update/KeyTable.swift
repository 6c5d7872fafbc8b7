/// One line of the dashboard's keys: the keys' names (as README's key table writes them), the label the help
/// overlay shows, what the keys do, and the short hint the status bar gives, if any.
struct KeyBinding {
    let names: [String]
    let label: String
    let help: String
    /// The status bar's hint, and its place among the hints (lower first).
    var hint: (text: String, order: Int)?
}

/// Every key of the dashboard, in one place: the help overlay and the status bar's hints are drawn from it, and
/// a test checks that README's key table names the same keys and that each one has an effect in `update`.
enum KeyTable {
    static let bindings: [KeyBinding] = [
        KeyBinding(
            names: ["space"], label: "space", help: "pause / resume (resume past the iteration limit)",
            hint: ("space pause", 2)),
        KeyBinding(names: ["n"], label: "n", help: "one step (pauses a running run first)"),
        KeyBinding(names: ["X", "W"], label: "X / W", help: "one step explained / the weights take the arrows"),
        KeyBinding(names: ["+", "-"], label: "+ / -", help: "learning rate one rung up / down", hint: ("+/- lr", 3)),
        KeyBinding(names: ["L"], label: "L", help: "type an exact learning rate"),
        KeyBinding(names: [">", "<"], label: "> / <", help: "speed ×10 / ÷10 (up to max)", hint: ("</> speed", 4)),
        KeyBinding(
            names: ["r", "R"], label: "r / R", help: "reset the weights (new seed / same seed)", hint: ("r reset", 5)),
        KeyBinding(names: ["b", "B"], label: "b / B", help: "batch size ×2 / ÷2 (1 is online SGD)"),
        KeyBinding(names: ["a"], label: "a", help: "next hidden activation (new weights)"),
        KeyBinding(names: ["c"], label: "c", help: "squared error / cross-entropy loss (new weights)"),
        KeyBinding(
            names: ["o"], label: "o", help: "next optimizer, sgd to adam (weights kept)",
            hint: ("o optimizer", 8)),
        KeyBinding(
            names: ["S"], label: "S", help: "standardize the features in place"),
        KeyBinding(names: ["C"], label: "C", help: "the confusion matrix (a classifier)"),
        KeyBinding(
            names: ["1", "2", "3", "4", "5", "6", "7"], label: "1-7", help: "input x1 x2 x1^2 x2^2 x1x2 sin sin on/off"
        ),
        KeyBinding(names: ["N"], label: "N", help: "a built-in dataset drawn again, new points"),
        KeyBinding(names: ["[", "]"], label: "[ / ]", help: "noise -0.05 / +0.05 on the same points"),
        KeyBinding(
            names: ["Tab"], label: "Tab", help: "into the probe and between its fields (typing replaces one)",
            hint: ("Tab probe", 6)),
        KeyBinding(names: ["Shift-Tab"], label: "Shift-Tab", help: "the probe's fields backwards"),
        KeyBinding(names: ["Esc"], label: "Esc", help: "out of the probe or the map"),
        KeyBinding(
            names: ["arrows", "PgUp", "PgDn"], label: "↑ ↓ PgUp PgDn", help: "dataset: the marked row up / down (10)"),
        KeyBinding(
            names: ["j", "k", "Ctrl-D", "Ctrl-U"], label: "j k ^D ^U", help: "dataset: a row, half a page down / up"),
        KeyBinding(names: ["Home", "End", "g", "G"], label: "Home End g G", help: "dataset: first / last row"),
        KeyBinding(names: ["Left", "Right"], label: "← →", help: "dataset: scroll the columns"),
        KeyBinding(names: ["Enter"], label: "Enter", help: "the marked dataset row into the probe"),
        KeyBinding(names: ["t"], label: "t", help: "dataset: training / test rows"),
        KeyBinding(names: ["f"], label: "f", help: "dataset: only the rows it gets wrong / all"),
        KeyBinding(names: ["l"], label: "l", help: "loss chart: log / linear scale"),
        KeyBinding(names: ["w"], label: "w", help: "loss chart: whole run / recent window"),
        KeyBinding(names: ["v"], label: "v", help: "loss chart: smoothing 0 / 0.6 / 0.9 / 0.99"),
        KeyBinding(names: ["m"], label: "m", help: "probe the decision map (arrows or a click)", hint: ("m map", 7)),
        KeyBinding(names: ["d"], label: "d", help: "decision map: shaded / discrete"),
        KeyBinding(names: ["x", "y"], label: "x / y", help: "decision map: next feature across / up"),
        KeyBinding(
            names: ["u", "U"], label: "u / U", help: "network unit: arrows, Tab, Enter / pane on, off",
            hint: ("u units", 9)),
        KeyBinding(names: ["P"], label: "P", help: "palette: standard / colour-blind (Okabe-Ito)"),
        KeyBinding(names: ["T"], label: "T", help: "theme: dark / light / high-contrast"),
        KeyBinding(names: ["s"], label: "s", help: "save the model (JSON)"),
        KeyBinding(names: ["e", "E"], label: "e / E", help: "export: error history (CSV, SVG) / model (ONNX)"),
        KeyBinding(names: ["?", "h", "F1"], label: "? h F1", help: "this help", hint: ("? help", 0)),
        KeyBinding(names: ["q", "Ctrl-C"], label: "q  Ctrl-C", help: "quit", hint: ("q quit", 1)),
        KeyBinding(names: ["Ctrl-Z"], label: "Ctrl-Z", help: "suspend to the shell (fg comes back)"),
        KeyBinding(
            names: [], label: "mouse",
            help: "wheel: scroll the pane under it; click: a dataset row into the probe, or probe the map there")
    ]

    /// The status bar's hints, in their order; `running` decides what space does.
    static func hints(running: Bool) -> [String] {
        bindings.compactMap(\.hint).sorted { $0.order < $1.order }.map { hint in
            hint.text == "space pause" && !running ? "space run" : hint.text
        }
    }
}
