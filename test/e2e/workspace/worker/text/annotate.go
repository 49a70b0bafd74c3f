// Package text writes the user log events of the trace.
package text

import (
	"context"
	"fmt"
	"runtime/trace"
)

// LogCategory and LogMessage are the user log's category and message: markup
// and script that must never be interpreted by the viewer.
const (
	LogCategory = `</script><script>alert(1)</script>`
	LogMessage  = `<b onmouseover="alert(1)">bold</b> & 'single' "double" ${alert(1)} {{constructor.constructor('alert(1)')()}}`
)

// Annotate logs one message and returns a label for item i.
//
//go:noinline
func Annotate(ctx context.Context, i int) string {
	label := fmt.Sprintf("item %d", i)
	trace.Log(ctx, LogCategory, LogMessage)
	return label
}
