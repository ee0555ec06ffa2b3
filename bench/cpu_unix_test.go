//go:build unix

package bench

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user+sys) used so far by the test process, GC
// workers included, and by the child processes it waited for (go list,
// in BenchmarkLoad). It is less disturbed than wall time by other
// processes competing for the CPUs.
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children) != nil {
		return 0
	}
	return time.Duration(self.Utime.Nano() + self.Stime.Nano() + children.Utime.Nano() + children.Stime.Nano())
}
