package sim

import (
	"fmt"
	"time"
)

// validateAndroid checks the Android rules, the device-state generators and
// FCM (android.go, device_state.go, fcm.go).
func (v *validator) validateAndroid(c *Config) {
	p := &c.Platform
	v.check(p.Kind < numPlatformKinds, "platform.kind", p.Kind.String(), "unknown platform kind")
	v.check(c.App.Alarm <= AlarmWhileIdle, "app.heartbeat.alarm", c.App.Alarm.String(), "unknown alarm kind")
	if p.Kind == KindAndroid {
		a := &p.Android
		v.nonNegative("platform.freezer_debounce", a.FreezerDebounce)
		v.atMost("platform.freezer_debounce", a.FreezerDebounce)
		v.check(a.Version >= 6 && a.Version <= 100, "platform.android_version", fmt.Sprint(a.Version), "must be between 6 (Doze came with Android 6) and 100")
		d := &a.Doze
		const f = "platform.doze."
		for _, x := range []struct {
			field string
			d     time.Duration
		}{
			{"inactive_timeout", d.InactiveTimeout}, {"motion_inactive_timeout", d.MotionInactiveTimeout},
			{"idle", d.Idle}, {"max_idle", d.MaxIdle}, {"maintenance", d.Maintenance}, {"max_maintenance", d.MaxMaintenance},
			{"light_idle", d.LightIdle}, {"light_max_idle", d.LightMaxIdle}, {"light_maintenance_budget", d.LightMaintenanceBudget},
		} {
			v.positive(f+x.field, x.d)
			v.atMost(f+x.field, x.d)
		}
		for _, x := range []struct {
			field string
			d     time.Duration
		}{
			{"idle_after_inactive", d.IdleAfterInactive}, {"sensing", d.Sensing}, {"locating", d.Locating},
			{"min_maintenance", d.MinMaintenance}, {"light_after_inactive", d.LightAfterInactive},
			{"light_min_maintenance", d.LightMinMaintenance}, {"while_idle_gap", d.WhileIdleGap},
			{"alarm_allowlist", d.AlarmAllowlist}, {"fcm_allowlist", d.FCMAllowlist},
		} {
			v.nonNegative(f+x.field, x.d)
			v.atMost(f+x.field, x.d)
		}
		v.check(d.MaxIdle >= d.Idle, f+"max_idle", FormatDuration(d.MaxIdle), "must not be shorter than platform.doze.idle")
		v.check(d.MaxMaintenance >= d.Maintenance, f+"max_maintenance", FormatDuration(d.MaxMaintenance), "must not be shorter than platform.doze.maintenance")
		v.check(d.MinMaintenance <= d.Maintenance, f+"min_maintenance", FormatDuration(d.MinMaintenance), "must not be longer than platform.doze.maintenance")
		v.check(d.LightMaxIdle >= d.LightIdle, f+"light_max_idle", FormatDuration(d.LightMaxIdle), "must not be shorter than platform.doze.light_idle")
		v.check(d.LightMinMaintenance <= d.LightMaintenanceBudget, f+"light_min_maintenance", FormatDuration(d.LightMinMaintenance),
			"must not be longer than platform.doze.light_maintenance_budget")
		for _, x := range []struct {
			field string
			x     float64
		}{{"idle_factor", d.IdleFactor}, {"maintenance_factor", d.MaintenanceFactor}, {"light_idle_factor", d.LightIdleFactor}} {
			v.check(x.x >= 1 && x.x <= 100, f+x.field, fmt.Sprint(x.x), "must be between 1 and 100")
		}
		v.dist(f+"maintenance_work", d.MaintenanceWork)
		v.distAtMost(f+"maintenance_work", d.MaintenanceWork)
		v.dist(f+"light_maintenance_work", d.LightMaintenanceWork)
		v.distAtMost(f+"light_maintenance_work", d.LightMaintenanceWork)
		v.check(d.WhileIdleQuota >= 1 && d.WhileIdleQuota <= 10000, f+"while_idle_quota", fmt.Sprint(d.WhileIdleQuota), "must be between 1 and 10000")
		v.positive(f+"while_idle_window", d.WhileIdleWindow)
		v.atMost(f+"while_idle_window", d.WhileIdleWindow)
		v.check(a.Version >= 12 || d.WhileIdleGap > 0 || c.App.Alarm != AlarmWhileIdle, f+"while_idle_gap", FormatDuration(d.WhileIdleGap),
			"must be positive before Android 12 with app.heartbeat.alarm allow_while_idle")
	}
	dv := &c.Device
	if s := dv.Screen; s != nil {
		v.rate("device.screen.sessions_per_day", s.PerDay)
		if s.PerDay > 0 {
			v.dist("device.screen.length", s.Length)
			v.distAtMost("device.screen.length", s.Length)
		}
	}
	for _, g := range []struct {
		field string
		p     *Periods
	}{{"device.motion", dv.Motion}, {"device.charging", dv.Charging}} {
		if g.p != nil {
			v.every(g.field+".every", g.p.Every)
			v.distAtMost(g.field+".every", g.p.Every)
			v.dist(g.field+".duration", g.p.Duration)
			v.distAtMost(g.field+".duration", g.p.Duration)
		}
	}
	if ps := c.Server.Pushes; ps != nil && ps.FCM != nil {
		v.dist("server.pushes.fcm.latency", ps.FCM.Latency)
		v.distAtMost("server.pushes.fcm.latency", ps.FCM.Latency)
	}
}
