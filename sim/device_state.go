package sim

import (
	"time"

	"pingtune/sim/des"
)

// This file is the device states Android's Doze follows: the screen (on
// during the user's sessions in the app and during Device.Screen's sessions
// without it), motion (Device.Motion's periods) and the charger
// (Device.Charging's periods). Each is a lane; each change goes to Doze
// (doze.go). At time zero the screen is off, the device stationary and on
// battery: Doze is inactive.

// startAndroid sets up the device states and Doze at time zero and starts
// their generators.
func (w *World) startAndroid() {
	dv := &w.cfg.Device
	w.dozeInactiveFor = w.doze().InactiveTimeout
	w.dozeInactive()
	w.armFreezer() // the app starts suspended
	if s := dv.Screen; s != nil && s.PerDay > 0 {
		w.eng.At(w.screenGap(), evScreen, 0)
	}
	if m := dv.Motion; m != nil {
		w.eng.At(w.firstPeriod(m.Every, streamMotion), evMotion, 0)
	}
	if c := dv.Charging; c != nil {
		w.eng.At(w.firstPeriod(c.Every, streamCharging), evCharging, 0)
	}
}

// firstPeriod is when an on/off generator first turns on: the residual of
// the gap under way at time zero, as firstArrival's, with the phase and the
// size-biased draws from the generator's own stream, so no other draw moves.
func (w *World) firstPeriod(every Dist, src stream) time.Duration {
	r := w.rng[src]
	if every.Kind == Exp {
		return every.Sample(r)
	}
	return residual(every, r.Float64(), r)
}

// screenGap is the time to the next screen session: Poisson, PerDay a day.
func (w *World) screenGap() time.Duration {
	mean := 24 * time.Hour.Seconds() / w.cfg.Device.Screen.PerDay
	return durationOf(w.rng[streamScreen].ExpFloat64() * mean * float64(time.Second))
}

// onScreenSession: the user turns the screen on without opening the app.
func (w *World) onScreenSession() {
	length := w.cfg.Device.Screen.Length.Sample(w.rng[streamScreen])
	w.eng.At(later(w.now(), w.screenGap()), evScreen, 0)
	w.holdUntil(&w.screenUntil, &w.screenTimer, length, evScreenOff)
	w.screenOn()
}

// holdUntil keeps a device state on for d from now: *until moves later (a
// period already under way may reach further) and its end timer with it.
func (w *World) holdUntil(until *time.Duration, end *des.Timer, d time.Duration, kind des.Kind) {
	if u := later(w.now(), d); u > *until {
		*until = u
		w.eng.Set(end, u, kind, 0)
	}
}

// screenOn: the screen comes on; Doze ends at once.
func (w *World) screenOn() {
	w.setState(LaneScreen, 1)
	w.dozeActive()
}

// screenMayGoOff turns the screen off unless a session still holds it on.
func (w *World) screenMayGoOff() {
	if w.state(LaneScreen) == 0 || w.now() < w.screenUntil || w.appState() == Foreground {
		return
	}
	w.setState(LaneScreen, 0)
	w.dozeInactive()
}

func (w *World) moving() bool { return w.state(LaneMotion) == 1 }

// onMotion: the device starts moving for a drawn period.
func (w *World) onMotion() {
	m := w.cfg.Device.Motion
	d := m.Duration.Sample(w.rng[streamMotion])
	w.eng.At(later(later(w.now(), d), m.Every.Sample(w.rng[streamMotion])), evMotion, 0)
	w.holdUntil(&w.motionUntil, &w.motionTimer, d, evMotionEnd)
	if !w.moving() {
		w.setState(LaneMotion, 1)
		w.dozeMotion()
	}
}

func (w *World) onMotionEnd() {
	if w.now() >= w.motionUntil {
		w.setState(LaneMotion, 0)
	}
}

// onCharging: the device goes on the charger for a drawn period; Doze ends.
func (w *World) onCharging() {
	c := w.cfg.Device.Charging
	d := c.Duration.Sample(w.rng[streamCharging])
	w.eng.At(later(later(w.now(), d), c.Every.Sample(w.rng[streamCharging])), evCharging, 0)
	w.holdUntil(&w.chargingUntil, &w.chargingTimer, d, evChargingEnd)
	w.setState(LaneCharging, 1)
	w.dozeActive()
}

// onChargingEnd: off the charger; with the screen off Doze starts over.
func (w *World) onChargingEnd() {
	if w.now() < w.chargingUntil {
		return
	}
	w.setState(LaneCharging, 0)
	w.dozeInactive()
}

// checkDevice verifies, under Options.Check, that the device states and
// Doze agree: the screen on or the charger in means Doze is active; the
// app in the foreground means the screen is on; deep idle means light Doze
// is overridden; an app in the background in deep idle is exempt.
func (w *World) checkDevice() {
	on := w.state(LaneScreen) == 1 || w.state(LaneCharging) == 1
	switch {
	case on && (w.dozeState() != DozeActive || w.lightState() != LightActive):
		panic(invariantError("Doze is " + w.dozeState().String() + " with the screen on or the charger in"))
	case w.appState() == Foreground && w.state(LaneScreen) == 0:
		panic(invariantError("the app is in the foreground with the screen off"))
	case w.dozeState() == DozeIdle && w.lightState() != LightOverride:
		panic(invariantError("deep idle without overriding light Doze"))
	case w.appState() == Background && w.wakelocksIgnored():
		panic(invariantError("the app runs in deep idle without an exemption"))
	}
}

func (s DozeState) String() string { return LaneDoze.StateName(uint8(s)) }
