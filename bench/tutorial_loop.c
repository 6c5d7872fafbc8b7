/* The tutorial's training loop in plain C: the reference for what this CPU can do with the same maths as
 * nntop-bench's tutorial figure (same generator, same initialisation, same update, seed 1).
 *   cc -O3 -o bench/out/tutorial_loop bench/tutorial_loop.c -lm && bench/out/tutorial_loop [STEPS]
 * Prints `c_tutorial_steps_per_second N` on stdout and the final parameters on stderr. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s0, s1, s2, s3;

static uint64_t splitmix(uint64_t *mix) {
    *mix += 0x9E3779B97F4A7C15ull;
    uint64_t z = *mix;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline uint64_t next(void) { /* xoshiro256** */
    uint64_t r = s1 * 5; r = ((r << 7) | (r >> 57)) * 9;
    uint64_t t = s1 << 17;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
    s3 = (s3 << 45) | (s3 >> 19);
    return r;
}

static inline int index_below(uint64_t n) { return (int)(((unsigned __int128)n * next()) >> 64); }
static inline double unit(void) { return (double)(next() >> 11) * 0x1.0p-53; }
static double standard_normal(void) {
    double u1 = 1.0 - unit(), u2 = unit();
    return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

static const double X[8][2] = {{3, 1.5}, {2, 1}, {4, 1.5}, {3, 4}, {3.5, 0.5}, {2, 0.5}, {5.5, 1}, {1, 1}};
static const double Y[8] = {0, 1, 0, 1, 0, 1, 1, 0};

static void train(double *w, long steps) {
    for (long k = 0; k < steps; k++) {
        int i = index_below(8);
        double z = X[i][0] * w[0] + X[i][1] * w[1] + w[2];
        double p = 1.0 / (1.0 + exp(-z));
        double step = 0.1 * (2 * (p - Y[i]) * p * (1 - p));
        w[0] -= step * X[i][0];
        w[1] -= step * X[i][1];
        w[2] -= step;
    }
}

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 50000000L;
    uint64_t mix = 1;
    s0 = splitmix(&mix); s1 = splitmix(&mix); s2 = splitmix(&mix); s3 = splitmix(&mix);
    double w[3] = {standard_normal(), standard_normal(), standard_normal()};
    train(w, steps / 100); /* warm up, as nntop-bench does */
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    train(w, steps);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double seconds = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    printf("c_tutorial_steps_per_second %.0f\n", steps / seconds);
    fprintf(stderr, "c final parameters %.17g %.17g %.17g\n", w[0], w[1], w[2]);
    return 0;
}
