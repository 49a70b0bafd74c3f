// DECOY: not part of the program (go build ignores testdata). It exists so that
// worker/text/annotate.go occurs twice in the workspace: a search by trailing
// path segments cannot pick one, and the end-to-end tests must find the real
// file by the rule under test (recorded path, path mapping, go.mod module), or
// by "Locate File…". If the viewer ever opens this file, that is a bug.
package text

// Line 22 of the real file is the trace.Log call that the trace's Log event
// points at. Here it is this comment block.
//
//
//
//
//
//
//
//
//
//
//
//
// DECOY line 22: the wrong annotate.go was opened.
func decoy() {}
