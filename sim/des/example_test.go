package des_test

import (
	"fmt"
	"time"

	"pingtune/sim/des"
)

// A heartbeat every 10 minutes and a timeout that a reply cancels: the
// events come out in time order, a rescheduled event moves, a cancelled one
// never fires, and Next stops at the horizon.
func ExampleEngine() {
	const (
		ping des.Kind = iota
		timeout
	)
	eng := des.New(0)
	eng.At(10*time.Minute, ping, 1)
	t := eng.At(11*time.Minute, timeout, 1)
	eng.At(20*time.Minute, ping, 2)
	eng.Cancel(t) // the pong came back in time
	late := eng.At(5*time.Minute, timeout, 2)
	eng.Reschedule(late, 25*time.Minute)
	for {
		ev, ok, err := eng.Next(time.Hour)
		if err != nil || !ok {
			break
		}
		fmt.Println(ev.At, ev.Kind, ev.Arg)
	}
	fmt.Println("now", eng.Now(), "pending", eng.Len())
	// Output:
	// 10m0s 0 1
	// 20m0s 0 2
	// 25m0s 1 2
	// now 1h0m0s pending 0
}
