#!/usr/bin/env python3
"""Interleaved start-up A/B of IAMLocal launchers (or flag sets): bench/results/README.md.

    bench/startup-ab.py [-n 12] NAME=LAUNCHER[::JAVA_OPTS[::SHELL_COMMAND]] ...

Starts each variant in turn (round robin, so that the machine's load falls on all of them alike),
N times each, on a free port, polls GET /_iamlocal/health every millisecond over a fresh connection
and, at the first 200, reads the process's counters from /proc:
  wall    spawn of the launcher to the first 200 (JVM start included)
  cpu     user+system time of the whole process (threads that already ended included; 10 ms ticks)
  live    CPU of the threads still alive (schedstat, ns): misses threads that ended, e.g. the one
          that registers the operations
  minflt/majflt  page faults; majflt > 0 means a file (archive, jar, libjvm) was read from disk
  rss     VmRSS at the first answer
JAVA_OPTS go to the launcher in IAMLOCAL_JAVA_OPTS (they come last, so they win); SHELL_COMMAND runs
before each start of that variant (e.g. to drop the archive from the page cache).
--threads adds the median CPU per thread name of the live threads.
"""
import argparse
import glob
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time

HEALTH = b"GET /_iamlocal/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port):
    with socket.socket() as s:
        try:
            s.settimeout(2)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.connect(("127.0.0.1", port))
            s.sendall(HEALTH)
            return s.recv(12).startswith(b"HTTP/1.1 200")
        except OSError:
            return False


def counters(pid, per_thread):
    stat = open(f"/proc/{pid}/stat").read()
    f = stat[stat.rindex(")") + 2:].split()
    live_ns, threads = 0, {}
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            ns = int(open(task + "/schedstat").read().split()[0])
            name = re.sub(r"[0-9]+$", "#", open(task + "/comm").read().strip())
        except OSError:
            continue  # the thread ended meanwhile
        live_ns += ns
        threads[name] = threads.get(name, 0) + ns / 1e6
    rss = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS"))
    out = dict(cpu=(int(f[11]) + int(f[12])) * 1000 // os.sysconf("SC_CLK_TCK"), live=live_ns / 1e6,
               minflt=int(f[7]), majflt=int(f[9]), rss=rss / 1024)
    if per_thread:
        out["threads"] = threads
    return out


def start_once(launcher, opts, per_thread):
    port = free_port()
    env = dict(os.environ, IAMLOCAL_JAVA_OPTS=opts)
    t0 = time.perf_counter()
    p = subprocess.Popen([launcher, "--port", str(port)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not healthy(port):
            if p.poll() is not None:
                sys.exit(f"{launcher} exited with {p.returncode} before answering")
            if time.perf_counter() - t0 > 60:
                sys.exit(f"{launcher} did not answer within 60 s")
            time.sleep(0.001)
        wall = (time.perf_counter() - t0) * 1000
        return dict(wall=wall, **counters(p.pid, per_thread))
    finally:
        p.terminate()
        p.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=12, help="starts per variant (default 12)")
    ap.add_argument("--threads", action="store_true", help="median CPU per live thread name")
    ap.add_argument("--json", help="write every sample to this file")
    ap.add_argument("variant", nargs="+", help="NAME=LAUNCHER[::JAVA_OPTS[::SHELL_COMMAND]]")
    a = ap.parse_args()
    variants = []
    for v in a.variant:
        name, _, rest = v.partition("=")
        launcher, _, rest = rest.partition("::")
        opts, _, pre = rest.partition("::")
        variants.append((name, launcher, opts, pre))
    samples = {v[0]: [] for v in variants}
    load_before = open("/proc/loadavg").read().split()[:3]
    for _ in range(a.n):
        for name, launcher, opts, pre in variants:
            if pre:
                subprocess.run(pre, shell=True, check=True)
            samples[name].append(start_once(launcher, opts, a.threads))
            time.sleep(0.3)  # let the stopped JVM's exit finish before the next start
    load_after = open("/proc/loadavg").read().split()[:3]
    print(f"load before {' '.join(load_before)}, after {' '.join(load_after)}; medians of {a.n} starts each")
    print(f"{'variant':12s} {'wall ms':>8s} {'(min)':>7s} {'cpu ms':>7s} {'live':>6s} {'minflt':>7s} {'majflt':>6s} {'rss MB':>7s}")
    for name, rows in samples.items():
        med = lambda k: statistics.median(r[k] for r in rows)
        print(f"{name:12s} {med('wall'):8.1f} {min(r['wall'] for r in rows):7.1f} {med('cpu'):7.0f} "
              f"{med('live'):6.1f} {med('minflt'):7.0f} {med('majflt'):6.0f} {med('rss'):7.1f}")
        if a.threads:
            names = sorted({t for r in rows for t in r["threads"]})
            for t in names:
                ms = statistics.median(r["threads"].get(t, 0) for r in rows)
                if ms >= 0.5:
                    print(f"    {t:24s} {ms:7.1f}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(load_before=load_before, load_after=load_after, samples=samples), f, indent=1)


if __name__ == "__main__":
    main()
