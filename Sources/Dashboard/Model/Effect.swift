import Training

/// What an event asks to happen outside the dashboard's state, as `update` returns it; the program loop carries
/// each out, in order.
public enum Effect: Sendable, Equatable {
    /// A command for the trainer, sent at once.
    case command(TrainingCommand)
    /// Work only the host can do, carried out between frames; its answer comes back as events.
    case request(DashboardRequest)
    /// The dashboard ends.
    case quit
}

/// Something only the host can do (it writes files, draws data); the result comes back as a notice.
public enum DashboardRequest: Sendable, Equatable {
    /// Save the current model (atomic JSON).
    case saveModel
    /// Write the error history as CSV and as an SVG plot.
    case exportHistory
    /// Write the current model as an ONNX graph.
    case exportONNX
    /// Draw the built-in dataset again with another seed and this noise, and train on that.
    case newData(noise: Double)
    /// Draw the built-in dataset again with the same data seed and this noise: the same points, moved.
    case noise(Double)
}
