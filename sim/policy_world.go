package sim

import "time"

// This file connects the heartbeat policy (policy.go) to the world: what the
// client observes goes to the policy, and the interval the policy chooses
// becomes the background schedule. Under the fixed policy none of this runs,
// so a fixed run is the model as it always was.

// adaptiveRun reports whether the interval may move in this run.
func (w *World) adaptiveRun() bool { return w.cfg.App.Policy.Kind != PolicyFixed }

// startPolicy sets up the replication's policy and its first interval.
func (w *World) startPolicy() {
	w.policy = newPolicy(w.cfg)
	w.interval = w.cfg.Platform.clampInterval(w.policy.interval())
	w.res.Intervals = append(w.res.Intervals[:0], IntervalSpan{Interval: w.interval})
	w.res.SettledAt = Unresolved
	if w.policy.settled() {
		w.res.SettledAt = 0
	}
}

// observe passes what the client saw to the policy and applies its answer.
func (w *World) observe(o observation, gap time.Duration) {
	if w.adaptiveRun() {
		w.observeAdaptive(o, gap)
	}
}

// observeAdaptive is observe under a policy that may move the interval.
func (w *World) observeAdaptive(o observation, gap time.Duration) {
	w.policy.observe(o, gap)
	if w.res.SettledAt == Unresolved && w.policy.settled() && !w.draining {
		w.res.SettledAt = w.now()
	}
	t := w.cfg.Platform.clampInterval(w.policy.interval())
	if t == w.interval {
		return
	}
	w.interval = t
	if !w.draining {
		w.res.Intervals = append(w.res.Intervals, IntervalSpan{Interval: t, From: w.now()})
	}
	if w.tracer != nil {
		w.emit(TraceEvent{Kind: TraceInterval, Latency: t})
	}
	w.rearm()
}

// pingGap is the idle time the client measures before a ping: since its
// last ping or its last connect.
func (w *World) pingGap() time.Duration {
	return w.now() - max(w.lastPing, w.connectedAt)
}

// rearm schedules the next background ping one interval from now, as an app
// that changes its interval or has just connected does (it calls
// setKeepAliveTimeout again, or sets its timer). Only a moving policy does.
func (w *World) rearm() {
	if !w.adaptiveRun() {
		return
	}
	if w.eng.Pending(w.keepalive) {
		w.eng.Set(&w.keepalive, later(w.now(), w.keepaliveGap()), evKeepalive, 0)
	}
	if w.cfg.Platform.AlwaysAwake && w.appState() != Foreground && w.eng.Pending(w.heartbeat) {
		w.eng.Set(&w.heartbeat, later(w.now(), w.interval), evHeartbeat, 0)
	}
}

// policyConnected: a connection was established. The next background ping
// comes one interval later, and a server whose idle timeout is a multiple of
// the interval takes the interval in force at connect (MQTT's keep alive).
func (w *World) policyConnected() {
	w.connectedAt = w.now()
	if !w.adaptiveRun() {
		return
	}
	w.rearm()
	if m := w.cfg.Server.IdleTimeoutMultiple; m > 0 {
		w.idleTimeout = durationOf(m * float64(w.interval))
	}
}

// IntervalSpan is one stretch of time at one background interval.
type IntervalSpan struct {
	Interval time.Duration
	From     time.Duration
}
