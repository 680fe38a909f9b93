// Package procstat reads the process's CPU time and peak memory for
// benchmarks that report them: on a shared machine CPU seconds say more
// than wall time, and peak RSS is what a memory target is about.
package procstat

import (
	"os"
	"strconv"
	"strings"
)

// PeakRSSMB is the process's peak resident set (VmHWM) in MiB, read from
// /proc (Linux); 0 elsewhere.
func PeakRSSMB() float64 {
	buf, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(buf), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
