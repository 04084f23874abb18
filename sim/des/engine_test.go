package des

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// refEvent is the reference model's view of a pending event.
type refEvent struct {
	at  time.Duration
	seq uint64
	id  int64
}

// reference is the plain model the engine is held against: a slice kept
// sorted by (time, sequence), searched linearly.
type reference struct {
	seq     uint64
	pending []refEvent
}

func (r *reference) add(at time.Duration, id int64) {
	r.pending = append(r.pending, refEvent{at, r.seq, id})
	r.seq++
	r.sort()
}

func (r *reference) sort() {
	slices.SortFunc(r.pending, func(a, b refEvent) int {
		if a.at != b.at {
			return int(a.at - b.at)
		}
		return int(int64(a.seq) - int64(b.seq))
	})
}

func (r *reference) find(id int64) int {
	return slices.IndexFunc(r.pending, func(e refEvent) bool { return e.id == id })
}

func (r *reference) cancel(id int64) bool {
	i := r.find(id)
	if i < 0 {
		return false
	}
	r.pending = slices.Delete(r.pending, i, i+1)
	return true
}

func (r *reference) reschedule(id int64, at time.Duration) bool {
	i := r.find(id)
	if i < 0 {
		return false
	}
	r.pending[i].at, r.pending[i].seq = at, r.seq
	r.seq++
	r.sort()
	return true
}

// TestEngineMatchesReference drives the engine and the sorted-slice model
// with the same random mix of schedule, cancel, reschedule and pop, including
// many same-time events, and requires the same events in the same order.
func TestEngineMatchesReference(t *testing.T) {
	for seed := uint64(1); seed <= 50; seed++ {
		rng := rand.New(rand.NewPCG(seed, 99))
		var e Engine
		var ref reference
		timers := map[int64]Timer{}
		var ids []int64 // every id ever scheduled, in order, for deterministic picks
		next := int64(0)
		for step := 0; step < 3000; step++ {
			switch op := rng.IntN(10); {
			case op < 4: // schedule, often at a time already in use
				at := e.Now() + time.Duration(rng.IntN(20))*time.Millisecond
				timers[next] = e.At(at, Kind(next%7), next)
				ref.add(at, next)
				ids = append(ids, next)
				next++
			case op < 5 && len(ids) > 0: // cancel, possibly a stale handle
				id := ids[rng.IntN(len(ids))]
				if got, want := e.Cancel(timers[id]), ref.cancel(id); got != want {
					t.Fatalf("seed %d step %d: Cancel(%d) = %v, reference %v", seed, step, id, got, want)
				}
			case op < 7 && len(ids) > 0: // reschedule, possibly a stale handle
				id := ids[rng.IntN(len(ids))]
				at := e.Now() + time.Duration(rng.IntN(20))*time.Millisecond
				if got, want := e.Reschedule(timers[id], at), ref.reschedule(id, at); got != want {
					t.Fatalf("seed %d step %d: Reschedule(%d) = %v, reference %v", seed, step, id, got, want)
				}
				// A timer moved later keeps its heap place but says where it is due.
				if when, ok := e.When(timers[id]); ok && when != at {
					t.Fatalf("seed %d step %d: When(%d) = %v after Reschedule to %v", seed, step, id, when, at)
				}
			case op < 8 && len(ids) > 0: // cancel and Set the same handle again (a timer taken up again)
				id := ids[rng.IntN(len(ids))]
				at := e.Now() + time.Duration(rng.IntN(20))*time.Millisecond
				tm := timers[id]
				e.Cancel(tm)
				ref.cancel(id)
				e.Set(&tm, at, Kind(id%7), id)
				timers[id] = tm
				ref.add(at, id)
				if when, ok := e.When(tm); !ok || when != at {
					t.Fatalf("seed %d step %d: When(%d) = %v %v after Set to %v", seed, step, id, when, ok, at)
				}
			default: // pop, sometimes with a horizon that stops short
				until := e.Now() + time.Duration(rng.IntN(15))*time.Millisecond
				ev, ok, err := e.Next(until)
				if err != nil {
					t.Fatal(err)
				}
				wantOK := len(ref.pending) > 0 && ref.pending[0].at <= until
				if ok != wantOK {
					t.Fatalf("seed %d step %d: Next ok = %v, reference %v", seed, step, ok, wantOK)
				}
				if !ok {
					if e.Now() != until {
						t.Fatalf("seed %d step %d: idle Next left clock at %v, want %v", seed, step, e.Now(), until)
					}
					continue
				}
				want := ref.pending[0]
				ref.pending = ref.pending[1:]
				if ev.Arg != want.id || ev.At != want.at || ev.Kind != Kind(want.id%7) {
					t.Fatalf("seed %d step %d: Next = %+v, reference id %d at %v", seed, step, ev, want.id, want.at)
				}
				if e.Now() != ev.At {
					t.Fatalf("clock %v after event at %v", e.Now(), ev.At)
				}
			}
			if e.Len() != len(ref.pending) {
				t.Fatalf("seed %d step %d: %d pending, reference %d", seed, step, e.Len(), len(ref.pending))
			}
		}
	}
}

func TestSameTimeEventsRunInSchedulingOrder(t *testing.T) {
	var e Engine
	for i := range 10 {
		e.At(time.Second, 0, int64(i))
	}
	// Rescheduling to the same time moves an event behind the others.
	first := e.At(time.Second, 0, 100)
	e.Reschedule(first, time.Second)
	var got []int64
	for {
		ev, ok, _ := e.Next(time.Hour)
		if !ok {
			break
		}
		got = append(got, ev.Arg)
	}
	want := []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100}
	if !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

func TestStaleTimersAreHarmless(t *testing.T) {
	var e Engine
	a := e.At(time.Second, 1, 1)
	if _, ok, _ := e.Next(time.Hour); !ok {
		t.Fatal("no event")
	}
	// a has fired; its slot is reused by b.
	b := e.At(2*time.Second, 2, 2)
	if e.Cancel(a) || e.Reschedule(a, 3*time.Second) || e.Pending(a) {
		t.Fatal("a stale timer acted on a reused slot")
	}
	if !e.Pending(b) {
		t.Fatal("b lost")
	}
	if at, ok := e.When(b); !ok || at != 2*time.Second {
		t.Fatalf("When(b) = %v, %v", at, ok)
	}
	var zero Timer
	if e.Cancel(zero) || e.Pending(zero) {
		t.Fatal("the zero Timer refers to something")
	}
}

func TestSetReschedulesOrCreates(t *testing.T) {
	var e Engine
	var tm Timer
	e.Set(&tm, 5*time.Second, 3, 7)
	e.Set(&tm, 2*time.Second, 3, 8)
	if e.Len() != 1 {
		t.Fatalf("Set left %d events pending, want 1", e.Len())
	}
	ev, _, _ := e.Next(time.Hour)
	if ev.At != 2*time.Second || ev.Arg != 8 {
		t.Fatalf("got %+v", ev)
	}
	e.Set(&tm, 4*time.Second, 3, 9) // tm has fired: a new event
	e.Stop(&tm)
	if e.Len() != 0 || e.Pending(tm) {
		t.Fatal("Stop left the timer pending")
	}
	if _, ok := e.When(tm); ok || e.Cancel(tm) {
		t.Fatal("a stopped timer still answers When or Cancel")
	}
	// Set after Stop takes the cancelled slot up again: one event, at the
	// new time.
	e.Set(&tm, 3*time.Second, 3, 10)
	if e.Len() != 1 {
		t.Fatalf("%d pending after Set on a stopped timer, want 1", e.Len())
	}
	if ev, _, _ := e.Next(time.Hour); ev.At != 3*time.Second || ev.Arg != 10 {
		t.Fatalf("got %+v, want the event at 3s", ev)
	}
	if _, ok, _ := e.Next(time.Hour); ok {
		t.Fatal("the stopped event fired too")
	}
}

func TestMaxEventsIsAnError(t *testing.T) {
	e := New(100)
	var tm Timer
	e.Set(&tm, 0, 1, 0)
	n := 0
	for {
		ev, ok, err := e.Next(time.Hour)
		if err != nil {
			if !errors.Is(err, ErrMaxEvents) {
				t.Fatalf("error %v, want ErrMaxEvents", err)
			}
			break
		}
		if !ok {
			t.Fatal("a self-rescheduling event ran dry")
		}
		n++
		e.At(ev.At+time.Millisecond, 1, 0) // a runaway: every event schedules another
	}
	if n != 100 {
		t.Fatalf("ran %d events before the cap, want 100", n)
	}
}

func TestSchedulingInThePastPanics(t *testing.T) {
	var e Engine
	e.At(time.Second, 0, 0)
	e.Next(time.Hour)
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	e.At(0, 0, 0)
}

func TestResetReusesMemory(t *testing.T) {
	var e Engine
	for i := range 100 {
		e.At(time.Duration(i), 0, 0)
	}
	old := e.At(time.Hour, 0, 0)
	e.Reset(0)
	if e.Len() != 0 || e.Now() != 0 || e.Pending(old) {
		t.Fatal("Reset left state behind")
	}
	allocs := testing.AllocsPerRun(10, func() {
		e.Reset(0)
		for i := range 100 {
			e.At(time.Duration(i), 0, 0)
		}
		for {
			if _, ok, _ := e.Next(time.Hour); !ok {
				break
			}
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per reused run, want 0", allocs)
	}
}
