import NeuralCore
import TerminalUI

/// N, [ and ]: the built-in dataset drawn again. N takes the next data seed (other points); [ and ] keep the
/// seed and change the noise, so the same points are seen with more or less of it. The tutorial's 8 points are
/// fixed, and say so.
func drawDataKey(_ state: inout DashboardState, key: Key) -> [Effect] {
    guard state.training != .tutorial else {
        state.notice = .news(
            "the tutorial's 8 points are fixed: N, [ and ] draw a built-in set (--dataset xor, circle, gaussian, spiral)"
        )
        return []
    }
    guard key != .character("N") else { return [.request(.newData(noise: state.noise))] }
    let step = key == .character("]") ? 0.05 : -0.05
    let noise = min(max(((state.noise + step) * 100).rounded() / 100, 0), DatasetKind.maximumNoise)
    guard noise != state.noise else {
        state.notice = .news(
            noise == 0
                ? "no noise already: ] adds some"
                : "noise \(Format.short(noise)) is the most: [ takes some away")
        return []
    }
    return [.request(.noise(noise))]
}
