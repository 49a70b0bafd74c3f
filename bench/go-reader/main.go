// Command gotracebench times Go's own execution-trace readers on one file and
// prints one JSON line:
//
//	{"bytes":..,"events":..,"seconds":..,"mbPerSec":..,"eventsPerSec":..,"peakRssBytes":..,"reader":"full","go":"go1.26.x"}
//
// -mode full (default) times internal/trace: trace.NewReader + ReadEvent until
// io.EOF (the reader behind `go tool trace -d=parsed`: framing, tables,
// ordering, validation). -mode raw times internal/trace/raw: the wire-level
// reader behind `go tool trace -d=wire` (batch headers and events as they are
// in the file, no ordering). events counts what ReadEvent returned.
//
// mbPerSec is bytes/1e6/seconds. peakRssBytes is VmHWM from /proc/self/status
// (the process's peak resident set, including the Go runtime itself); with
// -mem the file is read into memory first (counted in the peak, not in the
// time), otherwise it is streamed from disk (warm the page cache first).
//
// internal/... packages can be imported only from inside the Go tree, so this
// file is not built here: scripts/go-reader.sh copies it into a scratch
// directory under GOROOT/src/cmd/ and builds it with that toolchain.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"internal/trace"
	"internal/trace/raw"
)

type result struct {
	Bytes        int64   `json:"bytes"`
	Events       int64   `json:"events"`
	Seconds      float64 `json:"seconds"`
	MBPerSec     float64 `json:"mbPerSec"`
	EventsPerSec float64 `json:"eventsPerSec"`
	PeakRSSBytes int64   `json:"peakRssBytes"`
	Reader       string  `json:"reader"`
	Go           string  `json:"go"`
	Error        string  `json:"error,omitempty"`
}

func main() {
	mode := flag.String("mode", "full", "reader to time: full (internal/trace) or raw (internal/trace/raw)")
	mem := flag.Bool("mem", false, "read the whole file into memory before timing")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gotracebench [-mode full|raw] [-mem] FILE")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || (*mode != "full" && *mode != "raw") {
		flag.Usage()
		os.Exit(2)
	}
	path := flag.Arg(0)
	st, err := os.Stat(path)
	if err != nil {
		fatal(err)
	}
	var r io.Reader
	if *mem {
		data, err := os.ReadFile(path)
		if err != nil {
			fatal(err)
		}
		r = bytes.NewReader(data)
	} else {
		f, err := os.Open(path)
		if err != nil {
			fatal(err)
		}
		defer f.Close()
		r = f
	}

	res := result{Bytes: st.Size(), Reader: *mode, Go: runtime.Version()}
	start := time.Now()
	var n int64
	if *mode == "full" {
		n, err = readFull(r)
	} else {
		n, err = readRaw(r)
	}
	el := time.Since(start)
	res.Events = n
	res.Seconds = el.Seconds()
	if res.Seconds > 0 {
		res.MBPerSec = float64(res.Bytes) / 1e6 / res.Seconds
		res.EventsPerSec = float64(n) / res.Seconds
	}
	res.PeakRSSBytes = peakRSS()
	if err != nil {
		res.Error = err.Error()
	}
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
	if err != nil {
		os.Exit(1)
	}
}

func readFull(r io.Reader) (int64, error) {
	tr, err := trace.NewReader(r)
	if err != nil {
		return 0, err
	}
	var n int64
	for {
		_, err := tr.ReadEvent()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

func readRaw(r io.Reader) (int64, error) {
	rr, err := raw.NewReader(r)
	if err != nil {
		return 0, err
	}
	var n int64
	for {
		_, err := rr.ReadEvent()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// peakRSS returns VmHWM from /proc/self/status in bytes, or getrusage's
// ru_maxrss where /proc is not available.
func peakRSS() int64 {
	if f, err := os.Open("/proc/self/status"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
				fields := strings.Fields(rest)
				if len(fields) >= 1 {
					if kb, err := strconv.ParseInt(fields[0], 10, 64); err == nil {
						return kb * 1024
					}
				}
			}
		}
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		return int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return -1
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "gotracebench:", err)
	os.Exit(1)
}
