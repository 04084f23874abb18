package scenarios

import (
	"reflect"
	"strconv"
	"time"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// This file decodes and writes what the Android platform adds to a scenario
// (sim/android.go): platform.kind, android_version, foreground_service and
// the doze section; app.heartbeat.alarm; device.screen, motion and charging;
// server.pushes.fcm.

// platformAndroid decodes the Android fields of a platform mapping.
func (d *decoder) platformAndroid(path string, f *fields, p *sim.Platform) {
	if i := f.enum("kind", sim.PlatformKinds()...); i >= 0 {
		p.Kind = sim.PlatformKind(i)
	}
	f.intIn("android_version", 6, 100, &p.Android.Version)
	f.boolean("foreground_service", &p.Android.ForegroundService)
	f.boolean("freeze_kills_sockets", &p.Android.FreezeKillsSockets)
	f.duration("freezer_debounce", &p.Android.FreezerDebounce)
	n := f.get("doze")
	if n == nil {
		return
	}
	g := d.section(child(path, "doze"), n, "platform.doze")
	if g == nil {
		return
	}
	z := &p.Android.Doze
	g.duration("inactive_timeout", &z.InactiveTimeout)
	g.duration("motion_inactive_timeout", &z.MotionInactiveTimeout)
	g.duration("idle_after_inactive", &z.IdleAfterInactive)
	g.duration("sensing", &z.Sensing)
	g.duration("locating", &z.Locating)
	g.duration("idle", &z.Idle)
	g.duration("max_idle", &z.MaxIdle)
	g.floatIn("idle_factor", 1, 100, &z.IdleFactor)
	g.duration("maintenance", &z.Maintenance)
	g.duration("max_maintenance", &z.MaxMaintenance)
	g.floatIn("maintenance_factor", 1, 100, &z.MaintenanceFactor)
	g.duration("min_maintenance", &z.MinMaintenance)
	g.dist("maintenance_work", &z.MaintenanceWork)
	g.boolean("light", &z.Light)
	g.duration("light_after_inactive", &z.LightAfterInactive)
	g.duration("light_idle", &z.LightIdle)
	g.duration("light_max_idle", &z.LightMaxIdle)
	g.floatIn("light_idle_factor", 1, 100, &z.LightIdleFactor)
	g.duration("light_min_maintenance", &z.LightMinMaintenance)
	g.duration("light_maintenance_budget", &z.LightMaintenanceBudget)
	g.dist("light_maintenance_work", &z.LightMaintenanceWork)
	g.duration("while_idle_gap", &z.WhileIdleGap)
	g.intIn("while_idle_quota", 1, 10000, &z.WhileIdleQuota)
	g.duration("while_idle_window", &z.WhileIdleWindow)
	g.boolean("idle_kills_sockets", &z.IdleKillsSockets)
	g.duration("alarm_allowlist", &z.AlarmAllowlist)
	g.duration("fcm_allowlist", &z.FCMAllowlist)
}

// intIn reads a whole number in [lo, hi].
func (f *fields) intIn(name string, lo, hi int64, dst *int) {
	n := f.get(name)
	if n == nil {
		return
	}
	path := child(f.path, name)
	v := f.d.integer(path, n, 32)
	if v < lo || v > hi {
		f.d.errorf(n, path, "must be between %d and %d (got %d)", lo, hi, v)
		return
	}
	*dst = int(v)
}

// floatIn reads a number in [lo, hi].
func (f *fields) floatIn(name string, lo, hi float64, dst *float64) {
	n := f.get(name)
	if n == nil {
		return
	}
	path := child(f.path, name)
	v, ok := f.d.float(path, n)
	if !ok {
		return
	}
	if !(v >= lo && v <= hi) {
		f.d.errorf(n, path, "must be between %g and %g (got %g)", lo, hi, v)
		return
	}
	*dst = v
}

// deviceStates decodes device.screen, device.motion and device.charging.
func (d *decoder) deviceStates(path string, f *fields, dv *sim.Device) {
	if n := f.get("screen"); n != nil {
		g := d.section(child(path, "screen"), n, "device.screen")
		s := &sim.ScreenSessions{}
		g.require("sessions_per_day", "length")
		g.float("sessions_per_day", &s.PerDay)
		g.dist("length", &s.Length)
		dv.Screen = s
	}
	for _, x := range []struct {
		name string
		dst  **sim.Periods
	}{{"motion", &dv.Motion}, {"charging", &dv.Charging}} {
		if n := f.get(x.name); n != nil {
			g := d.section(child(path, x.name), n, "device."+x.name)
			p := &sim.Periods{}
			g.require("every", "duration")
			g.dist("every", &p.Every)
			g.dist("duration", &p.Duration)
			*x.dst = p
		}
	}
}

// defaultFCMLatency is FCM's delivery latency when a scenario gives none:
// no documented figure exists (docs/android.md §5; Yilmaz et al., Globecom
// 2014, found GCM's "unpredictable", > 40% within 10 s): an assumption.
func defaultFCMLatency() sim.Dist {
	return sim.Dist{Kind: sim.Lognormal, Value: 3 * time.Second, Shape: 1.5}
}

// fcm decodes server.pushes.fcm.
func (d *decoder) fcm(path string, n *yaml.Node) *sim.FCM {
	g := d.section(path, n, "server.pushes.fcm")
	f := &sim.FCM{High: true, Latency: defaultFCMLatency()}
	if g == nil {
		return f
	}
	if i := g.enum("priority", choicesOf("server.pushes.fcm.priority")...); i >= 0 {
		f.High = i == 0
	}
	g.dist("latency", &f.Latency)
	return f
}

// androidNodes adds the Android fields to a written platform, when it is
// an Android one or sets any of them.
func androidNodes(platform *yaml.Node, p *sim.Platform) {
	if p.Kind == sim.KindIOS && reflect.ValueOf(p.Android).IsZero() {
		return
	}
	a, z := &p.Android, &p.Android.Doze
	add(platform, "kind", str(p.Kind.String()))
	add(platform, "android_version", num(strconv.Itoa(a.Version)))
	add(platform, "foreground_service", boolean(a.ForegroundService))
	add(platform, "freeze_kills_sockets", boolean(a.FreezeKillsSockets))
	add(platform, "freezer_debounce", dur(a.FreezerDebounce))
	add(platform, "doze", blockMap(
		"inactive_timeout", dur(z.InactiveTimeout),
		"motion_inactive_timeout", dur(z.MotionInactiveTimeout),
		"idle_after_inactive", dur(z.IdleAfterInactive),
		"sensing", dur(z.Sensing),
		"locating", dur(z.Locating),
		"idle", dur(z.Idle),
		"max_idle", dur(z.MaxIdle),
		"idle_factor", float(z.IdleFactor),
		"maintenance", dur(z.Maintenance),
		"max_maintenance", dur(z.MaxMaintenance),
		"maintenance_factor", float(z.MaintenanceFactor),
		"min_maintenance", dur(z.MinMaintenance),
		"maintenance_work", formatDist(z.MaintenanceWork),
		"light", boolean(z.Light),
		"light_after_inactive", dur(z.LightAfterInactive),
		"light_idle", dur(z.LightIdle),
		"light_max_idle", dur(z.LightMaxIdle),
		"light_idle_factor", float(z.LightIdleFactor),
		"light_min_maintenance", dur(z.LightMinMaintenance),
		"light_maintenance_budget", dur(z.LightMaintenanceBudget),
		"light_maintenance_work", formatDist(z.LightMaintenanceWork),
		"while_idle_gap", dur(z.WhileIdleGap),
		"while_idle_quota", num(strconv.Itoa(z.WhileIdleQuota)),
		"while_idle_window", dur(z.WhileIdleWindow),
		"idle_kills_sockets", boolean(z.IdleKillsSockets),
		"alarm_allowlist", dur(z.AlarmAllowlist),
		"fcm_allowlist", dur(z.FCMAllowlist)))
}

// deviceStateNodes adds the device-state generators to a written device.
func deviceStateNodes(device *yaml.Node, dv *sim.Device) {
	if s := dv.Screen; s != nil {
		device.Style = 0
		add(device, "screen", flowMap("sessions_per_day", float(s.PerDay), "length", formatDist(s.Length)))
	}
	for _, x := range []struct {
		name string
		p    *sim.Periods
	}{{"motion", dv.Motion}, {"charging", dv.Charging}} {
		if x.p != nil {
			device.Style = 0
			add(device, x.name, flowMap("every", formatDist(x.p.Every), "duration", formatDist(x.p.Duration)))
		}
	}
}

// fcmNode writes server.pushes.fcm.
func fcmNode(f *sim.FCM) *yaml.Node {
	priority := "high"
	if !f.High {
		priority = "normal"
	}
	return flowMap("priority", str(priority), "latency", formatDist(f.Latency))
}
