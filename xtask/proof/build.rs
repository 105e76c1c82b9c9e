//! Builds `memcheck.c`, the ct program's bridge to valgrind's client requests, with
//! valgrind's own `memcheck.h` (from Debian's `valgrind` package). Without the header
//! the bridge still builds, as no-ops, and the ct program refuses to run.

fn main() {
    println!("cargo::rerun-if-changed=memcheck.c");
    // A header installed (or updated) later rebuilds the bridge. A missing path
    // makes cargo rerun this script every build, which is cheap.
    println!("cargo::rerun-if-changed=/usr/include/valgrind/memcheck.h");
    cc::Build::new()
        .file("memcheck.c")
        .warnings(true)
        .compile("rsecrets_memcheck");
}
