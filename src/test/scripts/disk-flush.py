#!/usr/bin/env python3
"""How long the disk under a folder takes to make a small write durable (the fdatasync after it).

Every recorded decision waits for one such flush: PostgreSQL's commit of its group (issue 15,
benchmarks.md "The sixteenth round"). Run it on the folder that will hold OneWindow's data before
choosing a disk; compare the result with PostgreSQL's own figure under load (http-load.sh prints
"WAL flushes …/s, … µs each"), which adds the wait for a core and the commit's serial work.

    python3 src/test/scripts/disk-flush.py [folder] [bytes ...]     # defaults: ./data or ., 8192

Writes a 64 MiB scratch file in the folder (written through once, so later writes overwrite
allocated blocks as PostgreSQL's recycled WAL segments do) and removes it.
"""
import os
import sys
import tempfile
import time

SCRATCH = 64 << 20
FLUSHES = 2000


def main():
    args = sys.argv[1:]
    folder = args.pop(0) if args and not args[0].isdigit() else ("data" if os.path.isdir("data") else ".")
    if not all(a.isdigit() for a in args):
        sys.exit("sizes are whole numbers of bytes: " + " ".join(args))
    sizes = [int(a) for a in args] or [8192]
    block = os.urandom(1 << 20)
    bad = [s for s in sizes if not 0 < s <= len(block)]
    if bad:
        sys.exit(f"a size is between 1 and {len(block)} bytes, not {bad[0]}")
    if not os.path.isdir(folder):
        sys.exit(f"no folder {folder}")
    fd, path = tempfile.mkstemp(prefix="disk-flush-", dir=folder)
    try:
        for _ in range(SCRATCH >> 20):
            os.write(fd, block)
        os.fsync(fd)
        print(f"{folder}: {FLUSHES} fdatasync calls per size, each after a write of that size")
        for size in sizes:
            times, offset = [], 0
            for _ in range(FLUSHES):
                os.pwrite(fd, block[:size], offset)
                start = time.perf_counter()
                os.fdatasync(fd)
                times.append(time.perf_counter() - start)
                offset = (offset + size) % (SCRATCH - size)
            times.sort()
            mean = sum(times) / len(times)
            print(f"{size:>7} B  median {times[len(times) // 2] * 1e6:5.0f} µs  "
                  f"p90 {times[len(times) * 9 // 10] * 1e6:5.0f} µs  mean {mean * 1e6:5.0f} µs")
    finally:
        os.close(fd)
        os.unlink(path)


if __name__ == "__main__":
    main()
