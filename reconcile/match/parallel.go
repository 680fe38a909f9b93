package match

import (
	"runtime"
	"sync"
)

// forEach calls f(i) for i in [0, n), spread over the CPUs. f must write
// only to slot i of what it fills, so the result does not depend on
// scheduling. The clusterer's serial steps (profiles, the cross-script
// keys) run through it: on two cores they were a third of the wall time.
func forEach(n int, f func(i int)) {
	workers := min(max(1, runtime.GOMAXPROCS(0)), max(1, n/256))
	if workers == 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}
