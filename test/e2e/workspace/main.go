// Command e2eapp writes the execution trace that the end-to-end tests open
// (traces/app.trace). See ../fixtures.md for the frames the tests click and
// ../record-app-trace.sh for how the trace is recorded.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"

	"example.com/e2eapp/worker"
)

func main() {
	out := "traces/app.trace"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	f, err := os.Create(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	total := worker.Run(context.Background(), 4)
	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("total", total)
}
