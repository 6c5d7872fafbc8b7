/// Activations over a run of values at once: a minibatch's layer, or one instance's.
extension Activation {
    /// a[k] = σ(z[k]) for k < count, as `callAsFunction` computes each.
    @inline(__always)
    func apply(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .linear:
            if UnsafePointer(a) != z { a.update(from: z, count: count) }
        case .relu:
            var k = 0
            while k &+ 8 <= count {
                let v = load8(z + k)
                store8(v.replacing(with: 0, where: .!(v .> 0)), a + k)
                k &+= 8
            }
            while k < count {
                a[k] = z[k] > 0 ? z[k] : 0
                k &+= 1
            }
        case .tanh:
            var k = 0
            while k &+ 8 <= count {
                store8(tanh8(load8(z + k)), a + k)
                k &+= 8
            }
            while k < count {
                a[k] = self(z[k])
                k &+= 1
            }
        case .sigmoid:
            for k in 0..<count { a[k] = self(z[k]) }
        }
    }

    /// p[k] ×= σ′ at unit k, from its output a[k] (and z[k] for ReLU), for k < count: a sum pushed back through
    /// this activation.
    @inline(__always)
    func scaleByDerivative(
        _ p: UnsafeMutablePointer<Double>, output a: UnsafePointer<Double>, preactivation z: UnsafePointer<Double>,
        count: Int
    ) {
        var k = 0
        switch self {
        case .linear:
            return
        case .relu:
            let one = Lane8(repeating: 1)
            while k &+ 8 <= count {
                let slope = Lane8().replacing(with: one, where: load8(z + k) .> 0)
                store8(load8(p + k) * slope, p + k)
                k &+= 8
            }
        case .tanh:
            while k &+ 8 <= count {
                let v = load8(a + k)
                store8(load8(p + k) * (1 - v * v), p + k)
                k &+= 8
            }
        case .sigmoid:
            while k &+ 8 <= count {
                let v = load8(a + k)
                store8(load8(p + k) * (v * (1 - v)), p + k)
                k &+= 8
            }
        }
        while k < count {
            p[k] *= derivative(output: a[k], preactivation: z[k])
            k &+= 1
        }
    }
}
