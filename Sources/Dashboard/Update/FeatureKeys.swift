import NeuralCore

/// Keys 1 to 7: an input feature (x1, x2, x1², x2², x1·x2, sin x1, sin x2) in or out of the network's inputs, for
/// two-feature data, as TensorFlow Playground's checkboxes. The network's input layer changes, so new weights are
/// drawn for it; the rows shown stay the data's own. Standardized data are standardized again on the new inputs.
func toggleFeature(_ state: inout DashboardState, _ feature: InputFeature) -> [Effect] {
    guard state.training.featureCount == 2 else {
        state.notice = .problem(
            "input features are made from two features; these data have \(state.training.featureCount)")
        return []
    }
    let current = state.featureMap ?? FeatureMap([.x1, .x2])!
    guard let next = current.toggling(feature) else {
        state.notice = .problem("\(feature.rawValue) is the only input left: the network needs one")
        return []
    }
    let map = next.isIdentity ? nil : next
    let mapped = map?.apply(state.training) ?? state.training
    let z = state.standardization == nil ? nil : Standardization(fitting: mapped)
    state.replaceData(training: state.training, test: state.test, standardization: z, featureMap: map)
    state.notice = .news("inputs \(next.features.map(\.rawValue).joined(separator: ", ")) (new weights)")
    return [.command(.replaceData(training: state.trainingInput, test: state.test.map { state.networkInput($0) }))]
}
