// Package sweep answers the question users come for: which heartbeat interval
// to ship. It runs every interval of a sweep over the same replications
// (common random numbers: replication k sees the same world at every
// interval), tests the scenario's requirements on each interval at the
// conservative end of its 95% interval, and picks the interval with the
// lowest battery use among those that pass.
//
// Start with Run, which plays the sweep and calls Analyze. Analyze is pure:
// it takes summarised points (package stats) and requirements and returns a
// Result, so the recommendation logic is tested on constructed numbers.
// Evaluate is the same test for one interval (`pingtune check`).
//
// The rules, in one place:
//
//   - A requirement holds when the conservative end of its 95% interval is
//     within the bound: the upper end for an upper bound (metric <= bound),
//     the lower end for a lower bound (availability >= 0.99). Per-replication
//     rates use the Student-t interval; p95 latencies use the
//     distribution-free interval of the pooled sample.
//   - Latencies that were never measured count as +Inf: a break still
//     undetected when the run ended, a push lost, dropped or still pending.
//     With too few samples the upper end of a p95 is +Inf and the requirement
//     is "unproven" (too few breaks to tell), never passed.
//   - A latency requirement with no sample at all (no breaks, no pushes)
//     holds vacuously, and says so: there was nothing to detect.
//   - Among the intervals where every requirement holds, the one with the
//     lowest mean battery use is recommended. Where the platform clamps
//     intervals (iOS: below 600 s), an interval whose nominal value equals the
//     effective one is preferred within its clamped group.
//   - No interval qualifies: the closest is the one whose worst requirement
//     misses by the smallest fraction of its bound.
package sweep
