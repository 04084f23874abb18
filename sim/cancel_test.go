package sim_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestRunStopsWhenCancelled: Cancel is asked at the start and then once
// every few thousand events; when it says yes the run stops there with an
// error wrapping context.Canceled, and a Cancel that never says yes changes
// nothing.
func TestRunStopsWhenCancelled(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Horizon = 30 * 24 * time.Hour
	want, err := sim.Run(&cfg, 2, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	asked := 0
	got, err := sim.Run(&cfg, 2, sim.Options{Cancel: func() bool { asked++; return false }})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("a Cancel that never stops changed the run (%v)", err)
	}
	// Asked before event 0, 4096, 8192, ... up to the last one fired.
	if polls := int(want.Events/4096) + 1; asked < polls-1 || asked > polls+1 {
		t.Errorf("Cancel asked %d times in %d events, want about %d", asked, want.Events, polls)
	}
	const stopAt = 3
	asked = 0
	_, err = sim.Run(&cfg, 2, sim.Options{Cancel: func() bool { asked++; return asked == stopAt }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want one wrapping context.Canceled", err)
	}
	if asked != stopAt {
		t.Errorf("the run went on after Cancel said stop: asked %d times", asked)
	}
}
