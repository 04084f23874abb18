package scenarios

import (
	"time"

	"pingtune/sim"
)

// Presets are the platforms and radios a scenario can name. Every number
// cites its source beside it, as docs/sources.md does; "assumption" marks a
// value no primary source fixes, which a scenario can override field by field.

// PlatformPresets returns the platform preset names, in release order.
func PlatformPresets() []string {
	return []string{"ios6", "ios7", "ios13", "always-awake", "android-doze", "android-fgs"}
}

// RadioPresets returns the radio preset names.
func RadioPresets() []string { return []string{"lte", "3g", "wifi"} }

// PlatformPreset returns a fresh copy of the named platform preset.
func PlatformPreset(name string) (sim.Platform, bool) {
	switch name {
	case "ios6":
		return ios6(), true
	case "ios7":
		p := ios6()
		p.Name = "ios7"
		// iOS 7 and later: crash logs report "permittedBackgroundDuration: 180".
		p.BackgroundTaskLimit = 180 * time.Second
		return p, true
	case "ios13":
		return sim.Platform{
			Name: "ios13",
			// No VoIP keepalive: the socket API is disabled for apps linked
			// with the iOS 10 SDK or later (Apple Technical Q&A QA1938).
			Keepalive: false,
			// ≈ 30 s on iOS 13 and later: community reports, not documented
			// (assumption).
			BackgroundTaskLimit: 30 * time.Second,
			// Apple, "Extending your app's background execution time".
			EnterBackgroundGrace: 5 * time.Second,
			// Apple: the expiration handler runs "shortly before" the limit;
			// 5 s is an assumption.
			ExpiryWarning: 5 * time.Second,
			// Unused without a keepalive handler; kept so that turning
			// keepalive on gives a sensible budget.
			WakeupBudget: 10 * time.Second,
			// No VoIP socket, so nothing wakes the app for socket data or
			// close (QA1938).
			WakeOnSocketData:  false,
			WakeOnSocketClose: false,
		}, true
	case "always-awake":
		// A mains-powered or embedded device that never suspends the app:
		// there is no platform to model, only timer-driven pings.
		return sim.Platform{Name: "always-awake", AlwaysAwake: true}, true
	case "android-doze":
		return androidDoze(), true
	case "android-fgs":
		return androidFGS(), true
	}
	return sim.Platform{}, false
}

// ios6 is iOS 4–6 with a VoIP socket and setKeepAliveTimeout(_:handler:).
func ios6() sim.Platform {
	return sim.Platform{
		Name:      "ios6",
		Keepalive: true,
		// Apple, setKeepAliveTimeout(_:handler:): UIMinimumKeepAliveTimeout = 600 s.
		KeepaliveMin: 600 * time.Second,
		// Apple: the handler is "guaranteed to be called before the specified
		// timeout" and may be moved to align with other work; no figure is
		// documented, so up to 30 s early is an assumption.
		KeepaliveEarly: sim.Dist{Kind: sim.Uniform, Value: 0, Max: 30 * time.Second},
		// Same page: the handler gets "at most 10 seconds".
		WakeupBudget: 10 * time.Second,
		// iOS 4–6: backgroundTimeRemaining ≈ 599 s.
		BackgroundTaskLimit: 600 * time.Second,
		// Apple, "Extending your app's background execution time".
		EnterBackgroundGrace: 5 * time.Second,
		// Apple: the expiration handler runs "shortly before" the limit; 5 s
		// is an assumption.
		ExpiryWarning: 5 * time.Second,
		// Apple, NSURLRequest.NetworkServiceType.voip: the kernel listens
		// and wakes the app on new data.
		WakeOnSocketData: true,
		// Apps register for kCFStreamEventEndEncountered/ErrorOccurred; that
		// these wake the app is not documented (assumption).
		WakeOnSocketClose: true,
		// VoIP apps are launched at boot; a relaunch after a watchdog kill is
		// not documented (assumption).
		RelaunchAfterKill: false,
		RelaunchDelay:     0,
	}
}

// RadioPreset returns a fresh copy of the named radio preset. Powers are
// above the idle baseline.
func RadioPreset(name string) (sim.Radio, bool) {
	switch name {
	case "lte":
		// Huang et al., "A Close Examination of Performance and Power
		// Characteristics of 4G LTE Networks", MobiSys 2012: promotion
		// 260 ms at 1210 mW, tail 11.576 s at 1060 mW.
		// Same paper, power model table: idle DRX (paging) cycle 1.28 s.
		return sim.Radio{Name: "lte", Promotion: 260 * time.Millisecond, PromotionPower: 1.21, ActivePower: 1.21,
			Tail: []sim.TailStage{{For: 11576 * time.Millisecond, Power: 1.06}}, PagingCycle: 1280 * time.Millisecond}, true
	case "3g":
		return threeG(), true
	case "wifi":
		// AT&T ARO Wi-Fi profile: no promotion, 403 mW active, 0.25 s tail.
		// A dozing station wakes for the beacons that carry a DTIM: every
		// 3 beacons of 100 TU (102.4 ms, the IEEE 802.11 default beacon
		// interval), the DTIM period Apple recommends for iOS devices
		// (Cisco, "Enterprise Best Practices for iOS devices on Cisco
		// Wireless LAN"; sniffwifi.com, 2016): 307.2 ms. Home routers vary
		// (DTIM 1 to 3): an assumption.
		return sim.Radio{Name: "wifi", Promotion: 0, PromotionPower: 0, ActivePower: 0.403,
			Tail: []sim.TailStage{{For: 250 * time.Millisecond, Power: 0.403}}, PagingCycle: 307200 * time.Microsecond}, true
	}
	return sim.Radio{}, false
}

// threeG is a WCDMA radio whose keepalives ride on CELL_FACH and which
// rests in a paging state (CELL_PCH/URA_PCH) between them. It reproduces
// Haverinen et al.'s measured cost of keepalives ("Energy consumption of
// always-on applications in WCDMA networks", VTC-Spring 2007: 7.9 / 9.9 /
// 17.9 / 27.9 mA above the no-keepalive idle at a keepalive every 300 / 150 /
// 40 / 20 s) within 4%; scenarios/presets_test.go pins it. Their data fit
// a + b/T: a state that a keepalive every ≤ 300 s never lets end (a ≈ 25 mW,
// the PCH stage) plus ≈ 1.6 J per keepalive (the FACH visit).
func threeG() sim.Radio {
	return sim.Radio{Name: "3g",
		// Qian et al., "Characterizing Radio Resource Allocation for 3G
		// Networks", IMC 2010, and the AT&T ARO profile: IDLE→DCH ≈ 2 s
		// at 600 mW; DCH 800 mW.
		Promotion: 2 * time.Second, PromotionPower: 0.6, ActivePower: 0.8,
		Tail: []sim.TailStage{
			// DCH held 5 s after the last packet (Qian et al.; ARO: DCH→FACH 4–5 s).
			{For: 5 * time.Second, Power: 0.8},
			// FACH at 460 mW (Qian et al.). Held 3 s: fitted to Haverinen
			// et al.'s table, whose network's FACH timer is not published
			// (Qian et al.'s carrier held FACH 12 s, which would make a
			// keepalive cost 5.5 J, three times what Haverinen measured).
			{For: 3 * time.Second, Power: 0.46},
			// CELL_PCH/URA_PCH: 25 mW above idle, fitted to Haverinen et
			// al.'s constant term (6.7 mA at 3.7 V); the PCH states draw
			// "1–2% of DCH power" (Wikipedia, UMTS RRC), the same order.
			// Held 30 min before the network releases the connection to
			// idle: an assumption, only bounded below by Haverinen's data
			// (the constant term holds up to a keepalive every 300 s).
			{For: 30 * time.Minute, Power: 0.025},
		},
		// Small packets stay on FACH: Qian et al. measured FACH→DCH only
		// when the RLC buffer exceeds a few hundred bytes. Leaving PCH for
		// FACH is a cell update; 500 ms at FACH power is an assumption.
		SmallPackets: &sim.SmallPackets{Stage: 1, Promotion: 500 * time.Millisecond, PromotionPower: 0.46},
		// UMTS pages a sleeping phone (idle or CELL_PCH/URA_PCH) once per
		// DRX cycle of 2^k radio frames of 10 ms, k = 6…9: 0.64 to 5.12 s
		// (3GPP TS 25.304 §8.3, TS 25.331 §8.5.42). k = 7, 1.28 s, the same
		// as LTE's, is an assumption within that range.
		PagingCycle: 1280 * time.Millisecond,
	}
}

// defaultDevice is an iPhone 5: 1440 mAh at 3.8 V (5.45 Wh). The 250 mW of CPU
// while awake in the background is an assumption.
func defaultDevice() sim.Device { return sim.Device{BatteryMAh: 1440, Voltage: 3.8, CPUPower: 0.25} }
