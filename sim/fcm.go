package sim

// This file is Firebase Cloud Messaging as the server's fallback. A push
// the server has for a client it holds no session for (while the server is
// up) goes through FCM instead of waiting in its queue: it reaches the
// device after Pushes.FCM.Latency. A high-priority message is delivered at
// once, even in Doze, and puts the app on the temporary allowlist for
// Doze.FCMAllowlist; a normal-priority one that arrives while Doze is idle
// (deep or light) waits for the next maintenance window or Doze's end. The
// message carries the push: it counts as delivered when the app gets it,
// with its latency from the server's send. The app, woken, reconnects (a
// ping first if it still believes its connection up, which the server,
// having lost the session, answers with a reset).

// fcmMsg is one FCM message on its way.
type fcmMsg struct {
	push pushRef
}

// sendFCM hands push to FCM.
func (w *World) sendFCM(push pushRef) {
	var i int32
	if n := len(w.fcmFree); n > 0 {
		i = w.fcmFree[n-1]
		w.fcmFree = w.fcmFree[:n-1]
	} else {
		w.fcm = append(w.fcm, fcmMsg{})
		i = int32(len(w.fcm) - 1)
	}
	w.fcm[i] = fcmMsg{push: push}
	w.fcmInFlight++
	w.event(TraceFCMSent, 0, 0, push.id)
	w.eng.At(later(w.now(), w.cfg.Server.Pushes.FCM.Latency.Sample(w.rng[streamFCM])), evFCM, int64(i))
}

// onFCM: FCM has the message at the device.
func (w *World) onFCM(i int32) {
	push := w.fcm[i].push
	w.fcmFree = append(w.fcmFree, i)
	w.fcmInFlight--
	if w.dozeRestricts() {
		if !w.cfg.Server.Pushes.FCM.High {
			w.fcmHeld = append(w.fcmHeld, push)
			w.event(TraceFCMHeld, 0, 0, push.id)
			return
		}
		w.allowFor(w.doze().FCMAllowlist)
	}
	w.fcmDeliver(push)
}

// releaseFCM delivers the normal-priority messages Doze held, now that it
// does not.
func (w *World) releaseFCM() {
	for i := 0; i < len(w.fcmHeld); i++ {
		w.fcmDeliver(w.fcmHeld[i])
	}
	w.fcmHeld = w.fcmHeld[:0] // keep the array for the next window
}

// fcmDeliver gives the app an FCM message: it wakes for it, reads it, and
// refreshes its connection.
func (w *World) fcmDeliver(push pushRef) {
	switch w.appState() {
	case Suspended:
		w.wake(WakePush)
	case Terminated:
		// The platform starts the app's process for the message.
		w.setState(LaneApp, uint8(Background))
		w.setBudget(w.cfg.Platform.WakeupBudget)
		w.launched()
		w.beginTask()
	}
	w.res.Pushes.Delivered++
	lat := w.now() - push.sent
	w.res.PushLatency.Record(int64(lat))
	w.event(TracePushDelivered, 0, lat, push.id)
	w.beat()
}
