package sim

import "time"

// This file is Doze's state machine, after AOSP's DeviceIdleController
// (frameworks/base/apex/jobscheduler/service/java/com/android/server/
// DeviceIdleController.java; the constants and their sources are in
// scenarios/presets.go and docs/android.md).
//
// Deep Doze: with the screen off and the device on battery it is inactive;
// after Doze.InactiveTimeout it waits IdleAfterInactive (idle pending), then
// watches the accelerometer for Sensing and takes a location fix for
// Locating; if the device has not moved it goes idle for Idle. Each idle
// period ends in a maintenance window, after which it goes idle again for
// the previous period × IdleFactor, up to MaxIdle (1 h, 2 h, 4 h, 6 h, 6 h…).
// A maintenance window lasts as long as the system's work in it
// (MaintenanceWork), at least MinMaintenance and at most its budget, which
// starts at Maintenance and grows by MaintenanceFactor up to MaxMaintenance.
// The screen coming on or the charger makes Doze active at once; motion seen
// from idle pending on sends it back to inactive for MotionInactiveTimeout.
//
// Light Doze runs beside it while deep Doze is not idle (it does not watch
// motion): LightAfterInactive after the screen goes off it goes light idle
// for LightIdle, then a light maintenance window, then idle again for the
// previous period × LightIdleFactor up to LightMaxIdle. When deep Doze goes
// idle, light Doze is overridden.
//
// What the states restrict is in doze_rules.go.

func (w *World) doze() *Doze { return &w.cfg.Platform.Android.Doze }

func (w *World) dozeState() DozeState   { return DozeState(w.state(LaneDoze)) }
func (w *World) lightState() LightState { return LightState(w.state(LaneLight)) }

// dozeMayStart reports whether Doze may leave active: screen off, on battery.
func (w *World) dozeMayStart() bool {
	return w.state(LaneScreen) == 0 && w.state(LaneCharging) == 0
}

// dozeActive: the screen came on or the charger was plugged in
// (becomeActiveLocked). The next inactive period lasts the full
// InactiveTimeout.
func (w *World) dozeActive() {
	w.dozeInactiveFor = w.doze().InactiveTimeout
	if w.dozeState() == DozeActive {
		return
	}
	w.eng.Stop(&w.dozeTimer)
	w.eng.Stop(&w.lightTimer)
	w.setState(LaneDoze, uint8(DozeActive))
	w.setState(LaneLight, uint8(LightActive))
	w.dozeChanged()
}

// dozeInactive: the screen is off and the device on battery
// (becomeInactiveIfAppropriateLocked); deep Doze waits out the inactive
// timeout in force, light Doze its own.
func (w *World) dozeInactive() {
	if !w.dozeMayStart() {
		return
	}
	w.setState(LaneDoze, uint8(DozeInactive))
	w.eng.Set(&w.dozeTimer, later(w.now(), w.dozeInactiveFor), evDozeStep, 0)
	if s := w.lightState(); s == LightActive || s == LightOverride {
		w.lightInactive()
	}
	w.dozeChanged()
}

// lightInactive starts light Doze's countdown from the screen going off.
func (w *World) lightInactive() {
	d := w.doze()
	w.setState(LaneLight, uint8(LightInactive))
	w.lightNextIdle = d.LightIdle
	if d.Light {
		w.eng.Set(&w.lightTimer, later(w.now(), d.LightAfterInactive), evLightStep, 0)
	} else {
		w.eng.Stop(&w.lightTimer)
	}
}

// onDozeStep is deep Doze's timer (stepIdleStateLocked).
func (w *World) onDozeStep() {
	d := w.doze()
	if w.moving() {
		// Every state after inactive watches for motion; a device that
		// moves when the step comes goes back to inactive.
		w.dozeMotion()
		return
	}
	switch w.dozeState() {
	case DozeInactive:
		w.dozeNextIdle, w.dozeNextBudget = d.Idle, d.Maintenance
		w.dozeStep(DozeIdlePending, d.IdleAfterInactive)
	case DozeIdlePending:
		w.dozeStep(DozeSensing, d.Sensing)
	case DozeSensing:
		w.dozeStep(DozeLocating, d.Locating)
	case DozeLocating, DozeMaintenance:
		w.dozeIdle()
	case DozeIdle:
		budget := w.dozeNextBudget
		w.dozeNextBudget = min(d.MaxMaintenance, scaled(budget, d.MaintenanceFactor))
		window := min(max(d.MaintenanceWork.Sample(w.rng[streamDoze]), d.MinMaintenance), budget)
		w.dozeStep(DozeMaintenance, window)
	}
}

// dozeStep moves deep Doze on to s for d.
func (w *World) dozeStep(s DozeState, d time.Duration) {
	w.setState(LaneDoze, uint8(s))
	w.eng.Set(&w.dozeTimer, later(w.now(), d), evDozeStep, 0)
	w.dozeChanged()
}

// dozeIdle enters deep idle for the next idle period, and overrides light Doze.
func (w *World) dozeIdle() {
	d := w.doze()
	period := w.dozeNextIdle
	w.dozeNextIdle = max(d.Idle, min(d.MaxIdle, scaled(period, d.IdleFactor)))
	w.eng.Stop(&w.lightTimer)
	w.setState(LaneLight, uint8(LightOverride))
	w.setState(LaneDoze, uint8(DozeIdle))
	w.eng.Set(&w.dozeTimer, later(w.now(), period), evDozeStep, 0)
	w.dozeKillSockets()
	w.dozeChanged()
}

// dozeMotion: the device moved while deep Doze watched for motion
// (handleMotionDetectedLocked): back to inactive, for the shorter
// MotionInactiveTimeout.
func (w *World) dozeMotion() {
	switch w.dozeState() {
	case DozeActive:
		return
	case DozeInactive:
		if w.eng.Pending(w.dozeTimer) {
			return // inactive does not watch for motion
		}
	}
	w.dozeInactiveFor = w.doze().MotionInactiveTimeout
	w.dozeInactive()
}

// onLightStep is light Doze's timer (stepLightIdleStateLocked).
func (w *World) onLightStep() {
	d := w.doze()
	switch w.lightState() {
	case LightInactive, LightMaintenance:
		period := w.lightNextIdle
		w.lightNextIdle = min(d.LightMaxIdle, scaled(period, d.LightIdleFactor))
		w.setState(LaneLight, uint8(LightIdle))
		w.eng.Set(&w.lightTimer, later(w.now(), period), evLightStep, 0)
		w.dozeKillSockets()
	case LightIdle:
		window := min(max(d.LightMaintenanceWork.Sample(w.rng[streamDoze]), d.LightMinMaintenance), d.LightMaintenanceBudget)
		w.setState(LaneLight, uint8(LightMaintenance))
		w.eng.Set(&w.lightTimer, later(w.now(), window), evLightStep, 0)
	}
	w.dozeChanged()
}

// scaled is d × f, saturating.
func scaled(d time.Duration, f float64) time.Duration { return durationOf(float64(d) * f) }
