#pragma once
// A small, fully specified random source for the demo feed. The standard
// distributions are implementation-defined, so every bounded draw is written out
// here: the same seed gives the same feed on every compiler and library.
#include <cstdint>

namespace reconsole::demo {

// SplitMix64: turns any seed (even 0) into well-mixed words; also a good hash.
inline std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

inline std::uint64_t mixHash(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t s = a ^ (b * 0xD1B54A32D192ED03ULL);
    return splitMix64(s);
}

// xoshiro256** (Blackman & Vigna): fast, small state, good statistical quality.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& w : s_)
            w = splitMix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n); n == 0 gives 0. Rejection keeps it unbiased.
    std::uint64_t below(std::uint64_t n)
    {
        if (n == 0)
            return 0;
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t x = next();
            if (x >= threshold)
                return x % n;
        }
    }

    // Uniform in [lo, hi], both inclusive.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// Fires about `rate` of the times it is asked, with gaps jittered ±50% around 1/rate.
// Unlike independent coin flips this never leaves a small feed without an incident
// nor bunches them, which is what a demo needs; the first one comes early.
class Ticker {
public:
    Ticker(double rate, Rng& rng) : rate_(rate), left_(rate > 0 ? 1 + rng.unit() / rate : 0) {}

    bool tick(Rng& rng)
    {
        if (rate_ <= 0 || --left_ > 0)
            return false;
        left_ += (0.5 + rng.unit()) / rate_;
        return true;
    }

private:
    double rate_;
    double left_;
};

}  // namespace reconsole::demo
