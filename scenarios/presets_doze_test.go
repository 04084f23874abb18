package scenarios

import (
	"reflect"
	"testing"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestAndroidPresets: the sim tests' Android platform is the android-doze
// preset, and android-fgs differs from it only by the foreground service
// (and its name): the exemptions are the model's, not the preset's.
func TestAndroidPresets(t *testing.T) {
	doze, ok := PlatformPreset("android-doze")
	if !ok {
		t.Fatal("no android-doze preset")
	}
	if want := testcfg.AndroidPlatform(); !reflect.DeepEqual(doze, want) {
		t.Errorf("android-doze is\n%+v\ninternal/testcfg has\n%+v", doze, want)
	}
	fgs, ok := PlatformPreset("android-fgs")
	if !ok {
		t.Fatal("no android-fgs preset")
	}
	if !fgs.Android.ForegroundService || doze.Android.ForegroundService {
		t.Errorf("foreground service: android-fgs %v, android-doze %v", fgs.Android.ForegroundService, doze.Android.ForegroundService)
	}
	fgs.Name, fgs.Android.ForegroundService = doze.Name, false
	if !reflect.DeepEqual(fgs, doze) {
		t.Errorf("android-fgs differs from android-doze beyond the foreground service:\n%+v\n%+v", fgs, doze)
	}
	// Deep idle comes about an hour after the screen goes off: FACTS's
	// "30 min + 4 min + 30 s" left out idle_after_inactive (docs/android.md).
	d := doze.Android.Doze
	if first := d.InactiveTimeout + d.IdleAfterInactive + d.Sensing + d.Locating; first < 60*60e9 || first > 65*60e9 {
		t.Errorf("first deep idle %v after the screen goes off, want 60–65 min", first)
	}
	if !doze.IsAndroid() || doze.Kind != sim.KindAndroid {
		t.Error("android-doze does not run the Android rules")
	}
}
