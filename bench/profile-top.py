#!/usr/bin/env python3
"""Top frames of an async-profiler collapsed-stack file (one "frame;frame;... count" per line).

Prints: CPU by thread group, self time by code family, the top self-time frames, and the top
inclusive frames of our own code (dev.strangler), Spring, Reactor and Netty, each as a share of
all samples and, given the number of requests served while profiling, as CPU microseconds per
request (samples are taken every 1 ms of CPU time, async-profiler's interval=1ms).
Usage: profile-top.py FILE.collapsed [REQUESTS [TOP_N]]
       profile-top.py --diff OURS.collapsed OURS_REQUESTS OTHER.collapsed OTHER_REQUESTS [TOP_N]
The diff lists what OURS spends per request more than OTHER: by self frame and by the innermost
frame of ours/Spring/Reactor code on the stack.
"""
import collections
import re
import sys

INTERVAL_US = 1000.0
LAMBDA = re.compile(r"\$\$Lambda\$?[0-9]*(\.0x[0-9a-f]+)?(/0x[0-9a-f]+)?")

FAMILIES = [  # first matching prefix wins; frames are "a/b/C.method" or native symbols
    ("ours (dev.strangler)", ("dev/strangler/",)),
    ("spring", ("org/springframework/",)),
    ("reactor (core+netty)", ("reactor/",)),
    ("netty", ("io/netty/",)),
    ("micrometer", ("io/micrometer/",)),
    ("resilience4j", ("io/github/resilience4j/",)),
    ("aws sdk", ("software/amazon/",)),
    ("jackson", ("com/fasterxml/",)),
    ("logging", ("ch/qos/logback/", "org/slf4j/", "org/apache/logging/")),
    ("opentelemetry", ("io/opentelemetry/",)),
    ("jdk", ("java/", "javax/", "jdk/", "sun/", "com/sun/")),
]


def family(frame):
    for name, prefixes in FAMILIES:
        if frame.startswith(prefixes):
            return name
    if frame.endswith("_[k]") or frame.startswith(("__", "entry_SYSCALL", "do_syscall")):
        return "kernel"
    return "native/JVM (GC, JIT, libc)"


def thread_group(frame):
    """[reactor-http-epoll-1 tid=123] -> reactor-http-epoll-N"""
    name = re.sub(r" tid=\d+$", "", frame[1:-1])
    return re.sub(r"\d+", "N", name)


def load(path):
    threads = collections.Counter()
    self_time = collections.Counter()
    inclusive = collections.Counter()
    fam_self = collections.Counter()
    # Self time attributed to the innermost frame of our/Spring/Reactor/Netty code on the stack.
    owner_self = collections.Counter()
    total = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            n = int(count)
            # hidden classes of lambdas are numbered per run: one name for all of them
            frames = LAMBDA.sub("$$Lambda", stack).split(";")
            if frames[0].startswith("[") and frames[0].endswith("]"):
                threads[thread_group(frames[0])] += n
                frames = frames[1:] or ["(thread only)"]
            total += n
            leaf = frames[-1]
            self_time[leaf] += n
            fam_self[family(leaf)] += n
            for frame in set(frames):
                inclusive[frame] += n
            for frame in reversed(frames):
                if frame.startswith(("dev/strangler/", "org/springframework/", "reactor/")):
                    owner_self[frame] += n
                    break
    return dict(total=total, threads=threads, self_time=self_time, inclusive=inclusive,
                fam_self=fam_self, owner_self=owner_self)


def diff(ours_path, ours_requests, other_path, other_requests, top):
    a, b = load(ours_path), load(other_path)
    per_a = INTERVAL_US / ours_requests
    per_b = INTERVAL_US / other_requests
    print(f"CPU per request: {ours_path} {a['total'] * per_a:.1f} us, "
          f"{other_path} {b['total'] * per_b:.1f} us (all threads, while profiled)\n")
    for title, key in [("thread group", "threads"), ("code family (self)", "fam_self"),
                       ("self frame", "self_time"),
                       ("innermost ours/Spring/Reactor frame", "owner_self")]:
        keys = set(a[key]) | set(b[key])
        rows = sorted(((a[key][k] * per_a - b[key][k] * per_b, k) for k in keys), reverse=True)
        print(f"Top {top} by {title}: us/request more in the first than in the second")
        for d, k in rows[:top]:
            print(f"  {d:+7.2f} us  ({a[key][k] * per_a:6.2f} vs {b[key][k] * per_b:6.2f})  {k}")
        print()


def main():
    if sys.argv[1] == "--diff":
        top = int(sys.argv[6]) if len(sys.argv) > 6 else 20
        diff(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), top)
        return
    path = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    d = load(path)
    total, threads, self_time, inclusive, fam_self, owner_self = (
        d["total"], d["threads"], d["self_time"], d["inclusive"], d["fam_self"], d["owner_self"])
    if total == 0:
        print("no samples")
        return

    def pct(n):
        us = f" {n * INTERVAL_US / requests:6.2f} us/req" if requests else ""
        return f"{100.0 * n / total:5.1f}%{us}"

    print(f"{path}: {total} samples" + (f", {requests} requests, "
          f"{total * INTERVAL_US / requests:.1f} us CPU per request" if requests else "") + "\n")
    print("CPU by thread group")
    for name, n in threads.most_common(12):
        print(f"  {pct(n)}  {name}")
    print()
    print("Self time by code family")
    for name, n in fam_self.most_common():
        print(f"  {pct(n)}  {name}")
    print(f"\nTop {top} self-time frames")
    for frame, n in self_time.most_common(top):
        print(f"  {pct(n)}  {frame}")
    for label, prefixes in [
        ("our own code (dev.strangler)", ("dev/strangler/",)),
        ("Spring", ("org/springframework/",)),
        ("Reactor", ("reactor/",)),
        ("Netty", ("io/netty/",)),
    ]:
        print(f"\nTop {top} inclusive frames, {label}")
        rows = [(f, n) for f, n in inclusive.most_common() if f.startswith(prefixes)][:top]
        for frame, n in rows:
            print(f"  {pct(n)}  {frame}")
    print(f"\nTop {top} frames of ours/Spring/Reactor by the time spent below them until the next"
          " such frame (where the CPU goes, by the code that asked for it)")
    for frame, n in owner_self.most_common(top):
        print(f"  {pct(n)}  {frame}")


if __name__ == "__main__":
    main()
