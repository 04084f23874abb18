package sim

import "time"

// fixedPolicy is today's heartbeat: app.heartbeat.interval, whatever happens.
type fixedPolicy time.Duration

func (p fixedPolicy) interval() time.Duration          { return time.Duration(p) }
func (fixedPolicy) observe(observation, time.Duration) {}
func (fixedPolicy) settled() bool                      { return true }
