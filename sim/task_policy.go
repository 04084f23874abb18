package sim

// This file is what the background task policies none and overwrite change.
//
// none: the app begins no background task. Each wakeup lasts its
// wakeup_budget (10 s for the keepalive handler) or until the app's work is
// done; a pong later than that finds the app suspended and wakes it only if
// the platform wakes on socket data.
//
// overwrite: the pattern of the classic iOS VoIP sample code, which keeps the
// task in one variable: bgTask = beginBackgroundTask(...) on each wakeup and
// endBackgroundTask(bgTask) after the pong, like end_when_done. A task begun
// while another is held (a keepalive that fires while a push's task is held,
// a push that arrives during a keepalive's) overwrites the id: the first task
// can no longer be ended, and the watchdog kills the app at its limit. Apps
// whose wakeups never overlap are never killed.

// holdsTask reports whether the app holds any background task.
func (w *World) holdsTask() bool { return w.taskHeld || w.leaked }

// endsWhenDone reports whether the app ends its task when its work is done.
func (w *World) endsWhenDone() bool {
	p := w.cfg.App.BackgroundTask
	return p == EndWhenDone || p == Overwrite
}

// beginAnother: the app begins a task while it holds one. Under overwrite
// the held one leaks and the new one starts its clock (the leaked task's
// deadline stays, and comes first); otherwise the app checks before it
// begins, and the held task keeps its deadline.
func (w *World) beginAnother() {
	if w.cfg.App.BackgroundTask != Overwrite {
		return
	}
	w.leaked = true
	w.startTaskClock()
}
