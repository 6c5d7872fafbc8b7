/* The minibatch workloads of `nntop-bench --minibatch` in C, written the restructured way: the bar nntop's
 * training kernels are measured against. Same maths as nntop, float64, no BLAS: the same data, network shapes,
 * initialisation (Glorot, He for ReLU, zero biases), generator (xoshiro256** seeded by splitmix64) and rows drawn,
 * plain SGD with the mean gradient of the batch.
 *
 *   cc -O3 -march=native -ffp-contract=off -DBUILD_FLAGS="\"-O3 -march=native -ffp-contract=off\"" \
 *      -o bench/out/minibatch_ref bench/minibatch_ref.c -lm
 *   bench/out/minibatch_ref [WORKLOAD] [SECONDS]
 *
 * -ffp-contract=off keeps every multiply and add apart, as Swift compiles them, so no fused multiply-add changes
 * a rounding. Each sum is taken in nntop's order (the bias, then inputs in order; δ pushed back over units in
 * order; gradients over the batch's rows in order), so the losses printed on stderr are those nntop-bench prints,
 * bit for bit, when both are right.
 *
 * Batch 1: the forward pass takes the dot products of eight weight rows at once (eight accumulators); the δ
 * push-back streams each weight row once (prev[i] += w[j][i]·δ[j] over contiguous i) and updates that row in the
 * same pass, after its use (w[j][i] −= η·(δ[j]·x[i])).
 *
 * Batch B (a multiple of 8): the batch goes through each layer at once, activations unit-major with the batch
 * contiguous (a[unit][b]), the batch the SIMD lane. Forward: Z[j][b] = bias + Σ_i W[j][i]·A[i][b] in blocks of
 * U units × 8 lanes. Push-back: δprev[i][b] = f'(A[i][b])·Σ_j W[j][i]·δ[j][b] in blocks of U units × 8 lanes.
 * Weight gradient: G[j][i] = Σ_b δ[j][b]·A[i][b], as outer products over the rows of the batch (a sample-major
 * copy of A, 8 inputs a lane) in blocks of U units × 8 inputs, each block applied to W as soon as it is summed
 * (after the push-back has read W). U is 8 with AVX-512 and 4 otherwise (UNITS below).
 *
 * Prints `c_<name>_steps_per_second N` per workload, the build's flags and instruction sets as a `#` line, and
 * on stderr the mean loss over the data before and after a fixed number of steps (exit status 1 if a loss did not
 * go down). Each loop is timed alone for about SECONDS (default 0.75) after those steps and a calibration. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Units per register block of the batch path: enough for eight independent vector accumulators, so the adds'
 * latency is hidden. With AVX-512 a lane of 8 doubles is one register: 8 units × 8 lanes. Otherwise it is two
 * (AVX2) or four (SSE2) registers: 4 units × 8 lanes. -DUNITS=N overrides. */
#ifndef UNITS
#ifdef __AVX512F__
#define UNITS 8
#else
#define UNITS 4
#endif
#endif
#if UNITS > 8 || UNITS < 1
#error "UNITS must be 1 to 8"
#endif
/* The vector helpers are static inline (stores are macros): GCC's ABI note on returning 64-byte vectors without
 * AVX-512 does not apply. */
#pragma GCC diagnostic ignored "-Wpsabi"

#ifndef BUILD_FLAGS
#define BUILD_FLAGS "(flags not recorded: build with -DBUILD_FLAGS='\"...\"')"
#endif

/* ---- generator: as Sources/NeuralCore/SeededGenerator.swift */
typedef struct { uint64_t s0, s1, s2, s3; } Generator;

static uint64_t splitmix(uint64_t *mix) {
    *mix += 0x9E3779B97F4A7C15ull;
    uint64_t z = *mix;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static Generator seeded(uint64_t seed) {
    Generator g;
    g.s0 = splitmix(&seed); g.s1 = splitmix(&seed); g.s2 = splitmix(&seed); g.s3 = splitmix(&seed);
    return g;
}
static inline uint64_t next(Generator *g) { /* xoshiro256** */
    uint64_t r = g->s1 * 5; r = ((r << 7) | (r >> 57)) * 9;
    uint64_t t = g->s1 << 17;
    g->s2 ^= g->s0; g->s3 ^= g->s1; g->s1 ^= g->s2; g->s0 ^= g->s3; g->s2 ^= t;
    g->s3 = (g->s3 << 45) | (g->s3 >> 19);
    return r;
}
static inline int index_below(Generator *g, uint64_t n) { return (int)(((unsigned __int128)n * next(g)) >> 64); }
static inline double unit(Generator *g) { return (double)(next(g) >> 11) * 0x1.0p-53; }
static double standard_normal(Generator *g) {
    double u1 = 1.0 - unit(g), u2 = unit(g);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* ---- SIMD: 8 and 4 doubles, loaded and stored without alignment */
typedef double v8d __attribute__((vector_size(64)));
typedef double v4d __attribute__((vector_size(32)));
static inline v8d ld8(const double *p) { v8d v; memcpy(&v, p, sizeof v); return v; }
#define st8(p, v) do { v8d st8_ = (v); memcpy((p), &st8_, sizeof st8_); } while (0)
static inline v8d bc8(double x) { return (v8d){x, x, x, x, x, x, x, x}; }
static inline v4d ld4(const double *p) { v4d v; memcpy(&v, p, sizeof v); return v; }
#define st4(p, v) do { v4d st4_ = (v); memcpy((p), &st4_, sizeof st4_); } while (0)
static inline v4d bc4(double x) { return (v4d){x, x, x, x}; }

/* ---- workloads: as Sources/nntop-bench/Minibatch.swift */
enum { TANH, RELU };
enum { MOONS, SUM_SIGN, LINEAR_RULE };
typedef struct {
    const char *name;
    int hidden[2], hidden_count, activation, cross_entropy;
    double rate;
    int batch, data;
    long check_steps;
} Workload;

static const Workload WORKLOADS[] = {
    {"width8_b1", {8, 8}, 2, TANH, 0, 0.1, 1, MOONS, 20000},
    {"width8_b64", {8, 8}, 2, TANH, 0, 0.1, 64, MOONS, 2000},
    {"width32_b1", {32, 32}, 2, TANH, 0, 0.1, 1, MOONS, 20000},
    {"width32_b64", {32, 32}, 2, TANH, 0, 0.1, 64, MOONS, 1000},
    {"width128_b1", {128, 128}, 2, TANH, 0, 0.1, 1, MOONS, 5000},
    {"width128_b64", {128, 128}, 2, TANH, 0, 0.1, 64, MOONS, 200},
    {"width512_b1", {512, 512}, 2, TANH, 0, 0.1, 1, MOONS, 1000},
    {"width512_b64", {512, 512}, 2, TANH, 0, 0.1, 64, MOONS, 20},
    {"relu16_b64", {16, 16}, 2, RELU, 0, 0.05, 64, SUM_SIGN, 2000},
    {"ce30_b32", {16, 0}, 1, TANH, 1, 0.05, 32, LINEAR_RULE, 2000},
};
enum { WORKLOAD_COUNT = sizeof WORKLOADS / sizeof WORKLOADS[0] };

typedef struct { int rows, cols; double *x, *y; } Data;

/* Drawn from seed 11 in the order Minibatch.swift draws them. */
static Data make_data(int kind) {
    Generator g = seeded(11);
    Data d;
    if (kind == MOONS) {
        d.rows = 1024; d.cols = 2;
    } else if (kind == SUM_SIGN) {
        d.rows = 1000000; d.cols = 4;
    } else {
        d.rows = 512; d.cols = 30;
    }
    d.x = malloc(sizeof(double) * d.rows * d.cols);
    d.y = malloc(sizeof(double) * d.rows);
    if (kind == MOONS) {
        for (int k = 0; k < d.rows; k++) {
            int lower = k % 2 == 1;
            double t = M_PI * unit(&g);
            double nx = standard_normal(&g);
            double ny = standard_normal(&g);
            d.x[2 * k] = (lower ? 1 - cos(t) : cos(t)) + 0.1 * nx;
            d.x[2 * k + 1] = (lower ? 0.5 - sin(t) : sin(t)) + 0.1 * ny;
            d.y[k] = lower ? 1 : 0;
        }
    } else if (kind == SUM_SIGN) {
        for (int r = 0; r < d.rows; r++) {
            double sum = 0;
            for (int c = 0; c < d.cols; c++) {
                double x = standard_normal(&g);
                d.x[r * d.cols + c] = x;
                sum += x;
            }
            d.y[r] = sum > 0 ? 1 : 0;
        }
    } else {
        double rule[30];
        for (int c = 0; c < d.cols; c++) rule[c] = standard_normal(&g);
        for (int r = 0; r < d.rows; r++) {
            double sum = 0;
            for (int c = 0; c < d.cols; c++) {
                double x = standard_normal(&g);
                d.x[r * d.cols + c] = x;
                sum += rule[c] * x;
            }
            d.y[r] = sum > 0 ? 1 : 0;
        }
    }
    return d;
}

/* ---- network and scratch */
enum { MAX_LAYERS = 3 };
typedef struct {
    int layers, size[MAX_LAYERS + 1], activation, cross_entropy, batch;
    double rate;
    double *w[MAX_LAYERS], *b[MAX_LAYERS];
    /* batch 1: each layer's outputs and δ */
    double *a1[MAX_LAYERS], *d1[MAX_LAYERS];
    /* batch B: each layer's input unit-major (act[0] the gathered rows), its sample-major copy for l ≥ 1, the
     * output, the δ of each layer's units, the rows drawn */
    double *act[MAX_LAYERS], *act_t[MAX_LAYERS], *out, *dB[MAX_LAYERS];
    const double **rows;
    int *drawn;
} Net;

static double *zeros(size_t n) {
    double *p = aligned_alloc(64, ((sizeof(double) * n + 63) / 64) * 64);
    memset(p, 0, sizeof(double) * n);
    return p;
}

/* As Network(inputCount:hidden:hiddenActivation:generator:): layer by layer, weights row by row drawn from a
 * standard normal × √(2/fanIn) (He, ReLU hidden layers) or × √(1/fanIn) (Glorot: tanh and the output), biases 0. */
static Net make_net(const Workload *wl, int inputs, Generator *g) {
    Net n = {0};
    n.layers = wl->hidden_count + 1;
    n.size[0] = inputs;
    for (int h = 0; h < wl->hidden_count; h++) n.size[h + 1] = wl->hidden[h];
    n.size[n.layers] = 1;
    n.activation = wl->activation;
    n.cross_entropy = wl->cross_entropy;
    n.rate = wl->rate;
    n.batch = wl->batch;
    int B = wl->batch;
    for (int l = 0; l < n.layers; l++) {
        int fan_in = n.size[l], units = n.size[l + 1];
        int he = l < n.layers - 1 && n.activation == RELU;
        double scale = sqrt((he ? 2.0 : 1.0) / fan_in);
        n.w[l] = zeros((size_t)fan_in * units);
        n.b[l] = zeros(units);
        for (int k = 0; k < fan_in * units; k++) n.w[l][k] = standard_normal(g) * scale;
        n.a1[l] = zeros(units);
        n.d1[l] = zeros(units);
        n.act[l] = zeros((size_t)fan_in * B);
        n.act_t[l] = zeros((size_t)fan_in * B);
        n.dB[l] = zeros((size_t)units * B);
    }
    n.out = zeros(B);
    n.rows = malloc(sizeof(double *) * B);
    n.drawn = malloc(sizeof(int) * B);
    return n;
}

static inline double hidden(int activation, double z) { return activation == RELU ? (z > 0 ? z : 0) : tanh(z); }
/* f' from the unit's output: ReLU's z > 0 is a > 0. */
static inline double hidden_derivative(int activation, double a) {
    return activation == RELU ? (a > 0 ? 1.0 : 0.0) : 1 - a * a;
}
static inline double logistic(double z) { return 1.0 / (1.0 + exp(-z)); }
static inline double output_delta(int cross_entropy, double p, double y) {
    return cross_entropy ? p - y : 2 * (p - y) * p * (1 - p);
}
static inline double loss(int cross_entropy, double p, double y) {
    if (!cross_entropy) return (p - y) * (p - y);
    double q = fmin(fmax(p, 1e-15), 1 - 1e-15);
    return -(y * log(q) + (1 - y) * log(1 - q));
}

/* ---- batch 1 */

/* out[j] = b[j] + Σ_i w[j][i]·x[i], eight rows at a time. */
static void dense1(const double *restrict w, const double *restrict b, const double *restrict x,
                   double *restrict out, int n, int m) {
    int j = 0;
    for (; j + 8 <= m; j += 8) {
        const double *r0 = w + (size_t)j * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
        const double *r4 = r3 + n, *r5 = r4 + n, *r6 = r5 + n, *r7 = r6 + n;
        double s0 = b[j], s1 = b[j + 1], s2 = b[j + 2], s3 = b[j + 3];
        double s4 = b[j + 4], s5 = b[j + 5], s6 = b[j + 6], s7 = b[j + 7];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            s0 += r0[i] * xi; s1 += r1[i] * xi; s2 += r2[i] * xi; s3 += r3[i] * xi;
            s4 += r4[i] * xi; s5 += r5[i] * xi; s6 += r6[i] * xi; s7 += r7[i] * xi;
        }
        out[j] = s0; out[j + 1] = s1; out[j + 2] = s2; out[j + 3] = s3;
        out[j + 4] = s4; out[j + 5] = s5; out[j + 6] = s6; out[j + 7] = s7;
    }
    for (; j < m; j++) {
        const double *r = w + (size_t)j * n;
        double s = b[j];
        for (int i = 0; i < n; i++) s += r[i] * x[i];
        out[j] = s;
    }
}

static double forward1(Net *n, const double *x) {
    const double *in = x;
    for (int l = 0; l < n->layers; l++) {
        int units = n->size[l + 1];
        double *a = n->a1[l];
        dense1(n->w[l], n->b[l], in, a, n->size[l], units);
        if (l < n->layers - 1) {
            for (int j = 0; j < units; j++) a[j] = hidden(n->activation, a[j]);
        } else {
            for (int j = 0; j < units; j++) a[j] = logistic(a[j]);
        }
        in = a;
    }
    return in[0];
}

/* prev[i] = Σ_j w[j][i]·d[j], streaming the rows, each row updated once read: w[j][i] −= η·(d[j]·x[i]). */
static void push_back_update1(double *restrict w, double *restrict b, const double *restrict d,
                              const double *restrict x, double *restrict prev, int n, int m, double rate) {
    for (int i = 0; i < n; i++) prev[i] = 0;
    for (int j = 0; j < m; j++) {
        double dj = d[j];
        double *restrict row = w + (size_t)j * n;
        for (int i = 0; i < n; i++) {
            prev[i] += row[i] * dj;
            row[i] -= rate * (dj * x[i]);
        }
        b[j] -= rate * dj;
    }
}

static void update1(double *restrict w, double *restrict b, const double *restrict d, const double *restrict x,
                    int n, int m, double rate) {
    for (int j = 0; j < m; j++) {
        double dj = d[j];
        double *restrict row = w + (size_t)j * n;
        for (int i = 0; i < n; i++) row[i] -= rate * (dj * x[i]);
        b[j] -= rate * dj;
    }
}

static void step1(Net *n, const Data *data, Generator *g) {
    int r = index_below(g, data->rows);
    const double *x = data->x + (size_t)r * data->cols;
    double p = forward1(n, x);
    int last = n->layers - 1;
    n->d1[last][0] = output_delta(n->cross_entropy, p, data->y[r]);
    for (int l = last; l >= 0; l--) {
        const double *source = l ? n->a1[l - 1] : x;
        if (l > 0) {
            double *prev = n->d1[l - 1];
            push_back_update1(n->w[l], n->b[l], n->d1[l], source, prev, n->size[l], n->size[l + 1], n->rate);
            for (int i = 0; i < n->size[l]; i++) prev[i] = prev[i] * hidden_derivative(n->activation, source[i]);
        } else {
            update1(n->w[l], n->b[l], n->d1[l], source, n->size[l], n->size[l + 1], n->rate);
        }
    }
}

/* ---- batch B: U units (4, or 1 for the last few) at a time, 8 rows of the batch a lane */

/* Z[j][b] = bias[j] + Σ_i W[j][i]·A[i][b], then the activation (hidden, or the sigmoid when `output`). */
static inline __attribute__((always_inline)) void forward_block(const double *restrict w, const double *restrict bias,
                                                                const double *restrict a, double *restrict z, int n,
                                                                int B, int j, int b, const int U, int output,
                                                                int activation) {
    v8d acc[8];
    for (int u = 0; u < U; u++) acc[u] = bc8(bias[j + u]);
    for (int i = 0; i < n; i++) {
        v8d x = ld8(a + (size_t)i * B + b);
        for (int u = 0; u < U; u++) acc[u] += bc8(w[(size_t)(j + u) * n + i]) * x;
    }
    for (int u = 0; u < U; u++) {
        double *o = z + (size_t)(j + u) * B + b;
        if (output) {
            for (int k = 0; k < 8; k++) o[k] = logistic(acc[u][k]);
        } else if (activation == RELU) {
            for (int k = 0; k < 8; k++) o[k] = acc[u][k] > 0 ? acc[u][k] : 0;
        } else {
            for (int k = 0; k < 8; k++) o[k] = tanh(acc[u][k]);
        }
    }
}

static void forwardB(const double *w, const double *bias, const double *a, double *z, int n, int m, int B,
                     int output, int activation) {
    int j = 0;
    for (; j + UNITS <= m; j += UNITS)
        for (int b = 0; b < B; b += 8) forward_block(w, bias, a, z, n, B, j, b, UNITS, output, activation);
    for (; j < m; j++)
        for (int b = 0; b < B; b += 8) forward_block(w, bias, a, z, n, B, j, b, 1, output, activation);
}

/* δprev[i][b] = f'(A[i][b])·Σ_j W[j][i]·δ[j][b]. */
static inline __attribute__((always_inline)) void push_back_block(const double *restrict w, const double *restrict d,
                                                                  const double *restrict a, double *restrict prev,
                                                                  int n, int m, int B, int i, int b, const int U,
                                                                  int activation) {
    v8d acc[8];
    for (int u = 0; u < U; u++) acc[u] = bc8(0);
    for (int j = 0; j < m; j++) {
        v8d dj = ld8(d + (size_t)j * B + b);
        const double *row = w + (size_t)j * n + i;
        for (int u = 0; u < U; u++) acc[u] += bc8(row[u]) * dj;
    }
    for (int u = 0; u < U; u++) {
        const double *ai = a + (size_t)(i + u) * B + b;
        double *o = prev + (size_t)(i + u) * B + b;
        for (int k = 0; k < 8; k++) o[k] = acc[u][k] * hidden_derivative(activation, ai[k]);
    }
}

static void push_backB(const double *w, const double *d, const double *a, double *prev, int n, int m, int B,
                       int activation) {
    int i = 0;
    for (; i + UNITS <= n; i += UNITS)
        for (int b = 0; b < B; b += 8) push_back_block(w, d, a, prev, n, m, B, i, b, UNITS, activation);
    for (; i < n; i++)
        for (int b = 0; b < B; b += 8) push_back_block(w, d, a, prev, n, m, B, i, b, 1, activation);
}

/* W[j][i] −= (η/B)·Σ_b δ[j][b]·row_b[i] for units j..j+U−1, inputs i..i+7 (then 4 at a time, then one). */
static inline __attribute__((always_inline)) void gradient_block(double *restrict w, const double *restrict d,
                                                                 const double *const *rows, int n, int B, int j,
                                                                 const int U, double scale) {
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        v8d g[8];
        for (int u = 0; u < U; u++) g[u] = bc8(0);
        for (int b = 0; b < B; b++) {
            v8d x = ld8(rows[b] + i);
            for (int u = 0; u < U; u++) g[u] += bc8(d[(size_t)(j + u) * B + b]) * x;
        }
        for (int u = 0; u < U; u++) {
            double *p = w + (size_t)(j + u) * n + i;
            st8(p, ld8(p) - bc8(scale) * g[u]);
        }
    }
    for (; i + 4 <= n; i += 4) {
        v4d g[8];
        for (int u = 0; u < U; u++) g[u] = bc4(0);
        for (int b = 0; b < B; b++) {
            v4d x = ld4(rows[b] + i);
            for (int u = 0; u < U; u++) g[u] += bc4(d[(size_t)(j + u) * B + b]) * x;
        }
        for (int u = 0; u < U; u++) {
            double *p = w + (size_t)(j + u) * n + i;
            st4(p, ld4(p) - bc4(scale) * g[u]);
        }
    }
    for (; i < n; i++) {
        for (int u = 0; u < U; u++) {
            double g = 0;
            const double *du = d + (size_t)(j + u) * B;
            for (int b = 0; b < B; b++) g += du[b] * rows[b][i];
            w[(size_t)(j + u) * n + i] -= scale * g;
        }
    }
}

static void gradient_updateB(double *w, double *bias, const double *d, const double *const *rows, int n, int m,
                             int B, double scale) {
    int j = 0;
    for (; j + UNITS <= m; j += UNITS) gradient_block(w, d, rows, n, B, j, UNITS, scale);
    for (; j < m; j++) gradient_block(w, d, rows, n, B, j, 1, scale);
    for (j = 0; j < m; j++) {
        double g = 0;
        for (int b = 0; b < B; b++) g += d[(size_t)j * B + b];
        bias[j] -= scale * g;
    }
}

static void stepB(Net *n, const Data *data, Generator *g) {
    int B = n->batch, inputs = n->size[0], last = n->layers - 1;
    for (int b = 0; b < B; b++) {
        int r = index_below(g, data->rows);
        n->drawn[b] = r;
        n->rows[b] = data->x + (size_t)r * data->cols;
        for (int i = 0; i < inputs; i++) n->act[0][(size_t)i * B + b] = n->rows[b][i];
    }
    for (int l = 0; l <= last; l++) {
        int m = n->size[l + 1];
        double *z = l < last ? n->act[l + 1] : n->out;
        forwardB(n->w[l], n->b[l], n->act[l], z, n->size[l], m, B, l == last, n->activation);
        if (l < last) /* the sample-major copy the next layer's gradient reads */
            for (int j = 0; j < m; j++)
                for (int b = 0; b < B; b++) n->act_t[l + 1][(size_t)b * m + j] = z[(size_t)j * B + b];
    }
    for (int b = 0; b < B; b++) n->dB[last][b] = output_delta(n->cross_entropy, n->out[b], data->y[n->drawn[b]]);
    double scale = n->rate / B;
    const double *sample_rows[64];
    for (int l = last; l >= 0; l--) {
        int fan_in = n->size[l], m = n->size[l + 1];
        if (l > 0) push_backB(n->w[l], n->dB[l], n->act[l], n->dB[l - 1], fan_in, m, B, n->activation);
        const double *const *rows = n->rows;
        if (l > 0) {
            for (int b = 0; b < B; b++) sample_rows[b] = n->act_t[l] + (size_t)b * fan_in;
            rows = sample_rows;
        }
        gradient_updateB(n->w[l], n->b[l], n->dB[l], rows, fan_in, m, B, scale);
    }
}

/* ---- driver */

static void train(Net *n, const Data *data, Generator *g, long steps) {
    if (n->batch == 1)
        for (long k = 0; k < steps; k++) step1(n, data, g);
    else
        for (long k = 0; k < steps; k++) stepB(n, data, g);
}

static double mean_loss(Net *n, const Data *data) {
    double total = 0;
    for (int r = 0; r < data->rows; r++)
        total += loss(n->cross_entropy, forward1(n, data->x + (size_t)r * data->cols), data->y[r]);
    return total / data->rows;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Returns 0 when the loss went down. */
static int run(const Workload *wl, double target) {
    if (wl->batch != 1 && (wl->batch % 8 != 0 || wl->batch > 64)) {
        fprintf(stderr, "c %s: batch %d is not 1 or a multiple of 8 up to 64\n", wl->name, wl->batch);
        return 1;
    }
    Data data = make_data(wl->data);
    Generator g = seeded(1);
    Net n = make_net(wl, data.cols, &g);
    double before = mean_loss(&n, &data);
    train(&n, &data, &g, wl->check_steps);
    double after = mean_loss(&n, &data);
    int bad = !(after < before);
    fprintf(stderr, "c %s mean loss %.17g -> %.17g after %ld steps%s\n", wl->name, before, after, wl->check_steps,
            bad ? "  LOSS DID NOT GO DOWN" : "");
    long probe = 1;
    for (;;) {
        double t0 = now();
        train(&n, &data, &g, probe);
        double t = now() - t0;
        if (t >= target / 10 || probe >= 1L << 30) {
            long steps = (long)(probe / t * target);
            if (steps < 1) steps = 1;
            t0 = now();
            train(&n, &data, &g, steps);
            t = now() - t0;
            double checksum = 0;
            for (int l = 0; l < n.layers; l++) {
                for (int k = 0; k < n.size[l] * n.size[l + 1]; k++) checksum += n.w[l][k];
                for (int k = 0; k < n.size[l + 1]; k++) checksum += n.b[l][k];
            }
            fprintf(stderr, "c %s checksum %.17g steps %ld\n", wl->name, checksum, steps);
            printf("c_%s_steps_per_second %.1f\n", wl->name, steps / t);
            fflush(stdout);
            break;
        }
        probe *= 2;
    }
    return bad;
}

int main(int argc, char **argv) {
    const char *only = NULL;
    double target = 0.75;
    for (int k = 1; k < argc; k++) {
        char *end;
        double v = strtod(argv[k], &end);
        if (*end == 0 && end != argv[k]) target = v; else only = argv[k];
    }
    printf("# c reference built with %s for:", BUILD_FLAGS);
#ifdef __AVX512F__
    printf(" avx512f");
#endif
#ifdef __AVX2__
    printf(" avx2");
#endif
#ifdef __FMA__
    printf(" fma");
#endif
#if !defined(__AVX2__) && defined(__SSE2__)
    printf(" sse2");
#endif
    printf(", %d units a block, compiler %s\n", UNITS, __VERSION__);
    int failures = 0, found = 0;
    for (int k = 0; k < WORKLOAD_COUNT; k++) {
        if (only && strcmp(only, WORKLOADS[k].name) != 0) continue;
        found = 1;
        failures += run(&WORKLOADS[k], target);
    }
    if (!found) {
        fprintf(stderr, "minibatch_ref: no workload %s; one of", only);
        for (int k = 0; k < WORKLOAD_COUNT; k++) fprintf(stderr, " %s", WORKLOADS[k].name);
        fprintf(stderr, "\n");
        return 2;
    }
    return failures ? 1 : 0;
}
