// Package des is pingtune's discrete-event engine: a virtual clock and a typed
// priority queue of timers. It knows nothing of sockets, apps or radios.
//
// Start with Engine (and ExampleEngine): schedule events with At, or with Set
// on a Timer field, keep the returned Timer to Cancel or Reschedule it, and
// drive the simulation with Next, which pops events in (time, sequence)
// order. Same-time events run in the order they were scheduled (or last
// rescheduled), so a run is a pure function of its inputs.
//
// The queue is a 4-ary heap of (time, sequence, slot) entries, keys inline,
// sifted by moving a hole rather than by swaps, with each slot remembering
// its heap position. An event that comes out before everything pending when
// it is scheduled (a packet's next hop, mostly) is kept out of the heap as
// its head, and leaves without sifting. A timer moved later, or cancelled,
// keeps its place until that place comes up (then it is moved, or dropped),
// so the model's timers that move on every packet cost no heap work per
// packet; a cancelled entry lingers at most until its old time. Slots are
// recycled through a free list: once the heap has grown to the run's peak
// size, scheduling allocates nothing.
package des

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Kind tells the engine's user what an event means; the engine never looks at it.
type Kind uint16

// Event is one fired timer.
type Event struct {
	At   time.Duration // virtual time since the start of the run
	Kind Kind
	Arg  int64 // free for the user: an id, a generation, a packet number
}

// Timer is a handle to a scheduled event. The zero Timer refers to nothing;
// a handle whose event has fired or been cancelled is stale and harmless.
type Timer struct {
	slot int32
	gen  uint32
}

// ErrMaxEvents is returned by Next when a run has processed its event cap.
var ErrMaxEvents = errors.New("event cap reached")

type slot struct {
	// The heap key (at, seq) lives in the slot's heap entry.
	// A postponed timer keeps its heap place and records where it is due
	// (due, dueSeq); Next moves it there when it comes up (see Reschedule).
	due    time.Duration
	dueSeq uint64
	late   bool
	// A cancelled timer also keeps its heap place until Next drops it, so
	// that Set on the same Timer can take it up again without a heap
	// operation (a ping timeout cancelled by the pong and set again at the
	// next ping).
	dead bool
	arg  int64
	gen  uint32 // bumped on every reuse, so stale Timers miss
	pos  int32  // index in Engine.heap, or -1 when the slot is free
	kind Kind
}

// headPos is the pos of the slot whose entry is the engine's head.
const headPos = math.MaxInt32

// entry is one heap element: its key, kept inline so that sifting compares
// neighbouring entries without going through the slots, and its slot.
type entry struct {
	at   time.Duration
	seq  uint64
	slot int32
}

// before reports whether a comes out of the queue before b.
func (a *entry) before(b *entry) bool {
	return a.at < b.at || (a.at == b.at && a.seq < b.seq)
}

// Engine is a virtual clock with a queue of pending events. The zero value is
// ready to use, with no event cap.
type Engine struct {
	now   time.Duration
	seq   uint64
	slots []slot
	heap  []entry // a 4-ary min-heap by (at, seq) (arity)
	// head, when hasHead, comes out before every entry of the heap and is
	// kept out of it: an event scheduled to come next (a packet's next
	// hop) goes in and out without sifting.
	head      entry
	hasHead   bool
	free      []int32
	fired     int64
	maxEvents int64
	dead      int // cancelled timers still in the heap
}

// New returns an engine that refuses to run more than maxEvents events
// (0: no cap).
func New(maxEvents int64) *Engine {
	return &Engine{maxEvents: maxEvents}
}

// Reset empties the queue and rewinds the clock, keeping the memory for reuse.
func (e *Engine) Reset(maxEvents int64) {
	e.now, e.seq, e.fired, e.maxEvents, e.dead = 0, 0, 0, maxEvents, 0
	e.heap, e.hasHead = e.heap[:0], false
	e.free = e.free[:0]
	for i := range e.slots {
		e.slots[i].gen++
		e.slots[i].pos = -1
		e.slots[i].dead, e.slots[i].late = false, false
		e.free = append(e.free, int32(len(e.slots)-1-i))
	}
}

// Now is the current virtual time: the time of the last event returned by Next.
func (e *Engine) Now() time.Duration { return e.now }

// Fired is how many events Next has returned since the start.
func (e *Engine) Fired() int64 { return e.fired }

// Len is the number of pending events.
func (e *Engine) Len() int {
	n := len(e.heap) - e.dead
	if e.hasHead {
		n++
	}
	return n
}

// At schedules an event at absolute time at, which must not be in the past.
func (e *Engine) At(at time.Duration, kind Kind, arg int64) Timer {
	if at < e.now {
		e.past("scheduled at", kind, at)
	}
	if len(e.free) == 0 || len(e.heap) == cap(e.heap) {
		e.grow() // out of line: At stays small on the steady path
	}
	n := len(e.free) - 1
	i := e.free[n]
	e.free = e.free[:n]
	s := &e.slots[i]
	s.gen++
	s.kind, s.arg = kind, arg
	s.late, s.dead = false, false
	x := entry{at: at, seq: e.seq, slot: i}
	e.seq++
	if !e.hasHead {
		if len(e.heap) == 0 || x.before(&e.heap[0]) {
			e.head, e.hasHead, s.pos = x, true, headPos
			return Timer{slot: i, gen: s.gen}
		}
	} else if x.before(&e.head) {
		e.evict()
		e.head, e.hasHead, s.pos = x, true, headPos
		return Timer{slot: i, gen: s.gen}
	}
	// up, by hand: At is the engine's hottest path.
	j := len(e.heap)
	h := e.heap[:j+1]
	e.heap = h
	for j > 0 {
		p := (j - 1) / arity
		if !x.before(&h[p]) {
			break
		}
		h[j] = h[p]
		e.slots[h[j].slot].pos = int32(j)
		j = p
	}
	h[j] = x
	s.pos = int32(j)
	return Timer{slot: i, gen: s.gen}
}

// grow makes room for one more timer: a free slot and a heap place.
func (e *Engine) grow() {
	if len(e.free) == 0 {
		e.slots = append(e.slots, slot{})
		e.free = append(e.free, int32(len(e.slots)-1))
	}
	e.heap = slices.Grow(e.heap, 1)
}

// push files x as the head if it comes out first, else in the heap.
func (e *Engine) push(x entry) {
	if !e.hasHead && (len(e.heap) == 0 || x.before(&e.heap[0])) {
		e.head, e.hasHead = x, true
		e.slots[x.slot].pos = headPos
		return
	}
	if e.hasHead && x.before(&e.head) {
		e.evict()
		e.head, e.hasHead = x, true
		e.slots[x.slot].pos = headPos
		return
	}
	e.insert(x)
}

// insert puts x in the heap.
func (e *Engine) insert(x entry) {
	j := len(e.heap)
	if j == cap(e.heap) {
		e.heap = slices.Grow(e.heap, 1) // only while the heap grows to its peak
	}
	e.heap = e.heap[:j+1]
	e.up(j, x)
}

// evict moves the head into the heap (to its top: it comes out first).
func (e *Engine) evict() {
	e.hasHead = false
	e.insert(e.head)
}

// live returns the slot of a pending timer, or nil.
func (e *Engine) live(t Timer) *slot {
	if t.gen == 0 || int(t.slot) >= len(e.slots) {
		return nil
	}
	s := &e.slots[t.slot]
	if s.gen != t.gen || s.pos < 0 || s.dead {
		return nil
	}
	return s
}

// Pending reports whether t is scheduled and has not fired.
func (e *Engine) Pending(t Timer) bool { return e.live(t) != nil }

// When returns the time t is due, and whether it is pending.
func (e *Engine) When(t Timer) (time.Duration, bool) {
	if s := e.live(t); s != nil {
		switch {
		case s.late:
			return s.due, true
		case s.pos == headPos:
			return e.head.at, true
		}
		return e.heap[s.pos].at, true
	}
	return 0, false
}

// Cancel removes a pending event; it reports whether there was one.
func (e *Engine) Cancel(t Timer) bool {
	s := e.live(t)
	if s == nil {
		return false
	}
	s.dead, s.late = true, false
	e.dead++
	return true
}

// Reschedule moves a pending event to time at, as if it had just been
// scheduled there (it runs after events already due at that time). It reports
// whether t was pending; a stale timer is left alone.
//
// A move to a later time costs no heap operation: a timer at a leaf of the
// heap takes its new key in place (nothing below it to order), any other keeps its place
// and records its due time and sequence number, and Next moves it there only
// when its old place comes up. Every event with a key before the old place
// comes out first either way, so the order of events is exactly that of an
// eager move. A timer pushed back on every packet (an idle timeout, the
// radio's active period) thus costs one heap operation per expiry, not one
// per packet.
func (e *Engine) Reschedule(t Timer, at time.Duration) bool {
	s := e.live(t)
	if s == nil {
		return false
	}
	if at < e.now {
		e.past("rescheduled to", s.kind, at)
	}
	e.move(s, t.slot, at)
	return true
}

// move gives the slot in the heap a new key (at, next sequence number).
func (e *Engine) move(s *slot, i int32, at time.Duration) {
	seq := e.seq
	e.seq++
	x := entry{at: at, seq: seq, slot: i}
	if s.pos == headPos {
		if len(e.heap) == 0 || x.before(&e.heap[0]) {
			// Still first: the head takes its new key in place.
			e.head.at, e.head.seq, s.late = at, seq, false
			return
		}
		// Later than the heap's top, so later than its key: postponed.
		s.due, s.dueSeq, s.late = at, seq, true
		return
	}
	if at >= e.heap[s.pos].at {
		if arity*int(s.pos)+1 >= len(e.heap) {
			// A leaf: a later key keeps the heap in order where it is.
			e.heap[s.pos].at, e.heap[s.pos].seq, s.late = at, seq, false
			return
		}
		s.due, s.dueSeq, s.late = at, seq, true
		return
	}
	s.late = false
	if e.hasHead && x.before(&e.head) {
		e.evict() // may move s in the heap
	}
	e.up(int(s.pos), x)
}

// past panics on an event scheduled before now: a bug in the model.
func (e *Engine) past(what string, kind Kind, at time.Duration) {
	panic(fmt.Sprintf("des: event kind %d %s %v, before now %v", kind, what, at, e.now))
}

// Set points *t at an event of the given kind at time at: it reschedules *t if
// pending and schedules a new one otherwise. It suits the many one-per-purpose
// timers of a model (a ping timeout, an idle timer, a radio tail).
func (e *Engine) Set(t *Timer, at time.Duration, kind Kind, arg int64) {
	if t.gen != 0 && int(t.slot) < len(e.slots) {
		if s := &e.slots[t.slot]; s.gen == t.gen && s.pos >= 0 && s.kind == kind {
			// Pending, or cancelled but still in the heap (then taken up
			// again, as a new event at at, in its place).
			if at < e.now {
				if s.dead {
					e.past("scheduled at", kind, at)
				}
				e.past("rescheduled to", kind, at)
			}
			if s.dead {
				s.dead = false
				e.dead--
			}
			s.arg = arg
			e.move(s, t.slot, at)
			return
		}
	}
	e.Cancel(*t)
	*t = e.At(at, kind, arg)
}

// Stop cancels *t, if pending. *t then reports nothing pending, as a
// cleared Timer would, but still names the cancelled slot, so that the next
// Set on it takes the slot up again without a heap operation (Set).
func (e *Engine) Stop(t *Timer) {
	e.Cancel(*t)
}

// Next pops the earliest pending event due no later than until and advances
// the clock to it. When nothing is due by then it advances the clock to until
// and returns false. Past the event cap it returns ErrMaxEvents.
func (e *Engine) Next(until time.Duration) (Event, bool, error) {
	for e.hasHead {
		top := e.head
		s := &e.slots[top.slot]
		if s.dead || s.late {
			e.tidyHead(s)
			continue
		}
		if top.at > until {
			if until > e.now {
				e.now = until
			}
			return Event{}, false, nil
		}
		if e.maxEvents > 0 && e.fired >= e.maxEvents {
			return Event{}, false, fmt.Errorf("%w (%d events by %v)", ErrMaxEvents, e.fired, e.now)
		}
		e.hasHead = false
		s.pos = -1
		e.free = append(e.free, top.slot)
		e.now = top.at
		e.fired++
		return Event{At: top.at, Kind: s.kind, Arg: s.arg}, true, nil
	}
	for len(e.heap) > 0 {
		top := e.heap[0]
		s := &e.slots[top.slot]
		if s.dead {
			// A cancelled timer leaves.
			s.dead = false
			e.dead--
			e.popTop()
			continue
		}
		if s.late {
			// A postponed timer whose old place has come up moves to
			// its due place.
			s.late = false
			e.down(0, entry{at: s.due, seq: s.dueSeq, slot: top.slot})
			continue
		}
		if top.at > until {
			break
		}
		if e.maxEvents > 0 && e.fired >= e.maxEvents {
			return Event{}, false, fmt.Errorf("%w (%d events by %v)", ErrMaxEvents, e.fired, e.now)
		}
		ev := Event{At: top.at, Kind: s.kind, Arg: s.arg}
		// popTop and down, by hand: Next is the engine's other hot path.
		n := len(e.heap) - 1
		x := e.heap[n]
		h := e.heap[:n]
		e.heap = h
		if n > 0 {
			i := 0
			for {
				l := arity*i + 1
				if l >= n {
					break
				}
				j := l
				for c, end := l+1, min(l+arity, n); c < end; c++ {
					if h[c].before(&h[j]) {
						j = c
					}
				}
				if !h[j].before(&x) {
					break
				}
				h[i] = h[j]
				e.slots[h[i].slot].pos = int32(i)
				i = j
			}
			h[i] = x
			e.slots[x.slot].pos = int32(i)
		}
		s.pos = -1
		e.free = append(e.free, top.slot)
		e.now = ev.At
		e.fired++
		return ev, true, nil
	}
	if until > e.now {
		e.now = until
	}
	return Event{}, false, nil
}

// tidyHead handles a head that is not an event to return: a cancelled
// timer leaves, and a postponed one moves to its due place.
func (e *Engine) tidyHead(s *slot) {
	i := e.head.slot
	e.hasHead = false
	if s.dead {
		s.dead = false
		e.dead--
		s.pos = -1
		e.free = append(e.free, i)
		return
	}
	s.late = false
	e.push(entry{at: s.due, seq: s.dueSeq, slot: i})
}

// arity is the heap's fan-out: a 4-ary heap is shallower than a binary one
// (a model's queue holds a handful of events: the analytic always-awake
// job averages 3.4), so an insertion compares less. Binary would suit big
// queues better (BenchmarkHold/pending=1024: 93 ns binary, 103 ns 4-ary).
const arity = 4

// up puts x at heap index j, or above it while it comes out before its
// parent, moving the parents it passes down into the hole.
func (e *Engine) up(j int, x entry) {
	h := e.heap
	for j > 0 {
		i := (j - 1) / arity
		p := h[i]
		if !x.before(&p) {
			break
		}
		h[j] = p
		e.slots[p.slot].pos = int32(j)
		j = i
	}
	h[j] = x
	e.slots[x.slot].pos = int32(j)
}

// down puts x at heap index i, or below it while a child comes out before
// it, moving the children it passes up into the hole.
func (e *Engine) down(i int, x entry) {
	h := e.heap
	n := len(h)
	for {
		l := arity*i + 1
		if l >= n {
			break
		}
		j := l
		for c, end := l+1, min(l+arity, n); c < end; c++ {
			if h[c].before(&h[j]) {
				j = c
			}
		}
		if !h[j].before(&x) {
			break
		}
		h[i] = h[j]
		e.slots[h[i].slot].pos = int32(i)
		i = j
	}
	h[i] = x
	e.slots[x.slot].pos = int32(i)
}

// popTop takes the earliest entry out of the heap and frees its slot.
func (e *Engine) popTop() {
	n := len(e.heap) - 1
	idx := e.heap[0].slot
	last := e.heap[n]
	e.heap = e.heap[:n]
	if n > 0 {
		e.down(0, last)
	}
	e.slots[idx].pos = -1
	e.free = append(e.free, idx)
}
