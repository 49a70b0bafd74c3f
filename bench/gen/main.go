// Command gen writes a LARGE, realistic Go execution trace for benchmarking
// trace readers. It runs a mixed server-like workload while tracing:
//
//   - request handlers: a steady stream of short-lived goroutines, each one a
//     runtime/trace task with regions and a log, that fan out to a worker
//     pool over channels, take a sharded mutex, wait on a WaitGroup and reply;
//   - a channel pipeline of several stages (buffered and unbuffered);
//   - a loopback TCP echo server and clients (netpoller blocking);
//   - file and pipe I/O (system calls, some of them blocking);
//   - many goroutines sleeping on timers and tickers, and select timeouts;
//   - allocation-heavy goroutines (maps, slices) that keep the GC busy;
//   - a couple of CPU-bound goroutines that get preempted;
//   - goroutine pairs playing ping-pong over unbuffered channels (the densest
//     source of scheduling events).
//
// Pacing: the program aims at -size bytes (default 200 MB) written evenly over
// -d (default 25 s): while the trace is ahead of that pace the busy activities
// pause; it stops once both the size and the time are reached (or at -max-d).
// On a slow or busy machine it therefore runs longer than -d.
// Standard library only.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"math/rand"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"time"
)

var (
	out    = flag.String("o", "big.trace", "write the execution trace to this file")
	size   = flag.Int64("size", 200e6, "target trace size in bytes (0: no target, just run for -d)")
	dur    = flag.Duration("d", 25*time.Second, "minimum time to trace; with -size, the pace aimed at")
	maxDur = flag.Duration("max-d", 3*time.Minute, "stop at this time even if -size is not reached")
	scale  = flag.Float64("scale", 1, "multiplies the number of goroutines in every activity")
	// The two below shift the mix: requests create a goroutine each, ping-pong creates none.
	requests = flag.Float64("requests", 1, "further multiplies the request sources (short-lived goroutines)")
	pings    = flag.Float64("pings", 1, "further multiplies the ping-pong pairs (0: none)")
)

// paused throttles the busiest activities when the trace grows faster than
// -size/-d, so a fast machine does not write a much bigger trace than asked.
var paused atomic.Bool

// gate waits while the workload is paused.
func gate(ctx context.Context) {
	for paused.Load() && ctx.Err() == nil {
		time.Sleep(2 * time.Millisecond)
	}
}

// counter counts the bytes written to the trace file.
type counter struct {
	w io.Writer
	n atomic.Int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

func n(base int) int {
	v := int(float64(base) * *scale)
	if v < 1 {
		v = 1
	}
	return v
}

// scaled is n(base) times f, at least 1 unless f is 0.
func scaled(base int, f float64) int {
	if f <= 0 {
		return 0
	}
	return n(int(math.Round(float64(base) * f)))
}

var stats struct {
	requests, pipelined, echoes, ioOps, sleeps, allocs, spins, pings atomic.Int64
}

func main() {
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	cw := &counter{w: f}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	start := func(count int, fn func(ctx context.Context, id int)) {
		for i := 0; i < count; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				fn(ctx, i)
			}(i)
		}
	}

	if err := trace.Start(cw); err != nil {
		log.Fatal(err)
	}
	t0 := time.Now()

	jobs := make(chan job, 64)
	start(n(8), worker(jobs))
	start(scaled(8, *requests), requestSource(jobs))
	start(1, pipeline(n(6)))
	addr := echoServer(ctx)
	start(n(8), echoClient(addr))
	dir, err := os.MkdirTemp("", "tracebench-gen-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	start(n(4), fileIO(dir))
	start(n(2), pipeIO)
	start(n(400), sleeper)
	start(n(3), allocator)
	start(n(2), spinner)

	start(scaled(2, *pings), pingPong)

	tick := time.NewTicker(50 * time.Millisecond)
	for range tick.C {
		el := time.Since(t0)
		written := cw.n.Load()
		if el >= *maxDur || (el >= *dur && (*size <= 0 || written >= *size)) {
			break
		}
		if *size > 0 {
			target := float64(*size) * math.Min(1, el.Seconds()/dur.Seconds())
			paused.Store(float64(written) > target)
		}
	}
	tick.Stop()
	paused.Store(false)
	cancel()
	close(jobs) // sources stop on ctx first; a late send would panic, so they recover
	wg.Wait()
	trace.Stop()
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	el := time.Since(t0)
	fmt.Fprintf(os.Stderr, "gen: %d bytes in %.1fs (%.1f MB/s); requests=%d pipelined=%d echoes=%d io=%d sleeps=%d allocs=%d spins=%d pings=%d goroutines-at-end=%d\n",
		cw.n.Load(), el.Seconds(), float64(cw.n.Load())/1e6/el.Seconds(),
		stats.requests.Load(), stats.pipelined.Load(), stats.echoes.Load(), stats.ioOps.Load(),
		stats.sleeps.Load(), stats.allocs.Load(), stats.spins.Load(), stats.pings.Load(), runtime.NumGoroutine())
}

type job struct {
	key   int
	reply chan int
	wg    *sync.WaitGroup
}

var shards [16]struct {
	sync.Mutex
	m map[int]int
}

func init() {
	for i := range shards {
		shards[i].m = make(map[int]int)
	}
}

// worker serves jobs: a sharded, mutex-protected map update and a reply.
func worker(jobs <-chan job) func(context.Context, int) {
	return func(ctx context.Context, id int) {
		for j := range jobs {
			s := &shards[j.key%len(shards)]
			s.Lock()
			s.m[j.key]++
			v := s.m[j.key]
			if len(s.m) > 4096 {
				s.m = make(map[int]int)
			}
			s.Unlock()
			j.reply <- v
			j.wg.Done()
		}
	}
}

// requestSource spawns short-lived request goroutines, each a trace task.
func requestSource(jobs chan<- job) func(context.Context, int) {
	return func(ctx context.Context, id int) {
		defer func() { recover() }() // send on closed jobs at shutdown
		r := rand.New(rand.NewSource(int64(id)))
		var inflight sync.WaitGroup
		defer inflight.Wait()
		sem := make(chan struct{}, 32)
		for seq := 0; ctx.Err() == nil; seq++ {
			gate(ctx)
			sem <- struct{}{}
			inflight.Add(1)
			go func(seq int) {
				defer inflight.Done()
				defer func() { <-sem; recover() }()
				handle(ctx, jobs, r.Int(), seq)
			}(seq)
			if seq%64 == 0 {
				time.Sleep(50 * time.Microsecond)
			}
		}
	}
}

func handle(ctx context.Context, jobs chan<- job, key, seq int) {
	stats.requests.Add(1)
	tctx, task := trace.NewTask(ctx, "request")
	defer task.End()
	if seq%16 == 0 {
		trace.Log(tctx, "seq", fmt.Sprint(seq))
	}
	var wg sync.WaitGroup
	reply := make(chan int, 4)
	trace.WithRegion(tctx, "fanout", func() {
		for i := 0; i < 4; i++ {
			wg.Add(1)
			select {
			case jobs <- job{key: key + i, reply: reply, wg: &wg}:
			case <-ctx.Done():
				wg.Done()
			}
		}
	})
	r := trace.StartRegion(tctx, "wait")
	wg.Wait()
	r.End()
	sum := 0
	for len(reply) > 0 {
		sum += <-reply
	}
	_ = sum
}

// pipeline runs stages connected by channels: source -> stages -> sink.
func pipeline(stages int) func(context.Context, int) {
	return func(ctx context.Context, _ int) {
		var wg sync.WaitGroup
		in := make(chan []int)
		first := in
		for s := 0; s < stages; s++ {
			next := make(chan []int, s%3) // mix of unbuffered and buffered
			wg.Add(1)
			go func(in <-chan []int, out chan<- []int, s int) {
				defer wg.Done()
				defer close(out)
				for v := range in {
					w := make([]int, len(v))
					for i, x := range v {
						w[i] = x*31 + s
					}
					out <- w
				}
			}(in, next, s)
			in = next
		}
		wg.Add(1)
		go func(in <-chan []int) {
			defer wg.Done()
			for range in {
				stats.pipelined.Add(1)
			}
		}(in)
		buf := make([]int, 16)
		for ctx.Err() == nil {
			gate(ctx)
			first <- buf
		}
		close(first)
		wg.Wait()
	}
}

// echoServer serves loopback TCP echo connections until ctx is done.
func echoServer(ctx context.Context) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				io.Copy(c, c)
			}()
		}
	}()
	return ln.Addr().String()
}

func echoClient(addr string) func(context.Context, int) {
	return func(ctx context.Context, id int) {
		buf := make([]byte, 64+id*8)
		for ctx.Err() == nil {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				return
			}
			gate(ctx)
			for i := 0; i < 50 && ctx.Err() == nil; i++ {
				if _, err := c.Write(buf); err != nil {
					break
				}
				if _, err := io.ReadFull(c, buf); err != nil {
					break
				}
				stats.echoes.Add(1)
			}
			c.Close()
		}
	}
}

// fileIO writes, syncs now and then, reads back and removes small files.
func fileIO(dir string) func(context.Context, int) {
	return func(ctx context.Context, id int) {
		block := make([]byte, 512)
		for i := 0; ctx.Err() == nil; i++ {
			gate(ctx)
			name := filepath.Join(dir, fmt.Sprintf("f%d-%d", id, i%8))
			f, err := os.Create(name)
			if err != nil {
				log.Print(err)
				return
			}
			for k := 0; k < 8; k++ {
				f.Write(block)
			}
			if i%32 == 0 {
				f.Sync()
			}
			f.Close()
			if _, err := os.ReadFile(name); err != nil {
				log.Print(err)
			}
			os.Remove(name)
			stats.ioOps.Add(1)
		}
	}
}

// pipeIO pushes bytes through an OS pipe; the reader blocks in read(2).
func pipeIO(ctx context.Context, id int) {
	pr, pw, err := os.Pipe()
	if err != nil {
		log.Print(err)
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 256)
		for {
			if _, err := pr.Read(buf); err != nil {
				return
			}
		}
	}()
	msg := make([]byte, 128)
	for i := 0; ctx.Err() == nil; i++ {
		gate(ctx)
		pw.Write(msg)
		stats.ioOps.Add(1)
		if i%16 == 0 {
			time.Sleep(200 * time.Microsecond)
		}
	}
	pw.Close()
	<-done
	pr.Close()
}

// sleeper mixes sleeps, tickers and select timeouts.
func sleeper(ctx context.Context, id int) {
	r := rand.New(rand.NewSource(int64(id)))
	t := time.NewTicker(time.Duration(5+id%20) * time.Millisecond)
	defer t.Stop()
	for ctx.Err() == nil {
		switch r.Intn(3) {
		case 0:
			time.Sleep(time.Duration(r.Intn(3000)) * time.Microsecond)
		case 1:
			select {
			case <-t.C:
			case <-ctx.Done():
			}
		case 2:
			select {
			case <-time.After(time.Duration(r.Intn(2000)) * time.Microsecond):
			case <-ctx.Done():
			}
		}
		stats.sleeps.Add(1)
	}
}

var (
	allocSink atomic.Value
	spinSink  atomic.Uint64
)

// allocator builds and drops maps and slices to keep the GC running.
func allocator(ctx context.Context, id int) {
	for ctx.Err() == nil {
		gate(ctx)
		m := make(map[int][]byte, 256)
		for i := 0; i < 256; i++ {
			m[i] = make([]byte, 64+i)
		}
		allocSink.Store(m)
		stats.allocs.Add(1)
		if stats.allocs.Load()%64 == 0 {
			time.Sleep(100 * time.Microsecond)
		}
	}
}

// spinner burns CPU in bursts so it gets preempted.
func spinner(ctx context.Context, id int) {
	x := uint64(id)
	for ctx.Err() == nil {
		gate(ctx)
		for i := 0; i < 200_000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
		stats.spins.Add(1)
		time.Sleep(time.Millisecond)
	}
	spinSink.Store(x)
}

// pingPong bounces a token between two goroutines over unbuffered channels.
func pingPong(ctx context.Context, id int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for ctx.Err() == nil {
		gate(ctx)
		for i := 0; i < 256; i++ {
			ping <- v
			v = <-pong
		}
		stats.pings.Add(256)
		time.Sleep(20 * time.Microsecond) // let the other activities in
	}
	close(ping)
	for range pong {
	}
}
