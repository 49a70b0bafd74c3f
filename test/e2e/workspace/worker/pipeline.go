package worker

import (
	"context"
	"runtime/trace"

	"example.com/e2eapp/worker/text"
)

// RegionName is the user region's type: markup again.
const RegionName = `<svg onload=alert(1)>`

// crunch does a little work inside a region and logs from the text package.
//
//go:noinline
func crunch(ctx context.Context, i int) int {
	sum := 0
	trace.WithRegion(ctx, RegionName, func() {
		for k := 0; k < 1000*(i+1); k++ {
			sum += k % 7
		}
		sum += len(text.Annotate(ctx, i))
	})
	return sum
}
