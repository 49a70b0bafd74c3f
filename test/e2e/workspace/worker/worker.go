// Package worker runs a few goroutines under one user task, so that the
// trace has goroutine creations, blocking, a task, regions and logs with
// stacks that point into this module.
package worker

import (
	"context"
	"runtime/trace"
	"sync"
)

// TaskName is the user task's name: markup, so the viewer must show it as text.
const TaskName = `<img src=x onerror=alert(1)>`

// Run starts n workers and adds up their results.
//
//go:noinline
func Run(ctx context.Context, n int) int {
	ctx, task := trace.NewTask(ctx, TaskName)
	defer task.End()
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results <- crunch(ctx, i)
		}(i)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r
	}
	return total
}
