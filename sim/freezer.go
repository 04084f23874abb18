package sim

// This file is Android's freezer. An app in the background without a
// foreground service is cached; CachedAppOptimizer freezes a cached process
// FreezerDebounce later (DEFAULT_FREEZER_DEBOUNCE_TIMEOUT, 10 s from
// Android 14), and from Android 15 ConnectivityService destroys a frozen
// app's TCP sockets (DESTROY_SOCKET_REASON_FROZEN; docs/android.md). In the
// model a suspended app is the cached one: FreezerDebounce after it is
// suspended, if it still is, its socket is destroyed, Doze or not. (On
// cellular the destruction waits for the radio to be active: not modelled.)

// armFreezer starts the freezer's debounce for an app that was just suspended.
func (w *World) armFreezer() {
	a := &w.cfg.Platform.Android
	if !a.FreezeKillsSockets || a.ForegroundService {
		return
	}
	w.eng.Set(&w.freezeTimer, later(w.now(), a.FreezerDebounce), evFreeze, 0)
}

// onFreeze: the debounce ran out; a still suspended app is frozen and loses
// its socket.
func (w *World) onFreeze() {
	if w.appState() != Suspended {
		return
	}
	w.destroySocket()
}
