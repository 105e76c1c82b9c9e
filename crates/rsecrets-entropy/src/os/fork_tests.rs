//! Fork tests. They fork, so they run in a helper process of their own (this test
//! binary started again with one test selected): the harness's other threads must
//! not be running when `fork()` happens. The `unsafe` calls are `fork`, `pipe`,
//! `read`, `write`, `waitpid` and `_exit`, which is why the tests live in this module.

#![allow(clippy::unwrap_used, clippy::std_instead_of_alloc)] // test code: a failure should panic

use std::collections::HashSet;
use std::process::Command;
use std::string::String;

use rand_core::Rng;

use crate::FastRng;
use crate::fast::Core;

const HELPER_ENV: &str = "RSECRETS_FORK_HELPER";
const FORKS: usize = 300;
const DRAW: usize = 32;

/// Runs the ignored test `name` in a fresh single-threaded copy of this binary.
fn run_helper(name: &str) {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args([
            "--exact",
            name,
            "--ignored",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(HELPER_ENV, "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("1 passed"),
        "helper {name} failed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn in_helper() -> bool {
    std::env::var_os(HELPER_ENV).is_some()
}

/// How a child is made.
#[derive(Clone, Copy)]
enum Fork {
    /// `fork()` from libc: the atfork handlers run.
    Libc,
    /// The raw `fork` system call: no atfork handlers, so only the page wipe protects.
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    RawSyscall,
}

/// Forks; in the child, runs `child` and sends its bytes back through a pipe, then
/// exits at once. Returns the child's bytes.
fn fork_and_collect(how: Fork, child: impl FnOnce() -> [u8; DRAW]) -> [u8; DRAW] {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid array of two c_ints for pipe(2) to fill.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let pid = match how {
        // SAFETY: the helper process is single-threaded, and the child only draws
        // from the generator (no allocation: the thread's state already exists or is
        // mapped with mmap), writes to a pipe and calls `_exit`.
        Fork::Libc => unsafe { libc::fork() },
        #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
        Fork::RawSyscall => {
            // SAFETY: as above; the raw syscall returns the child's pid or 0 like fork().
            let pid = unsafe { libc::syscall(libc::SYS_fork) };
            libc::pid_t::try_from(pid).unwrap_or(-1)
        }
    };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let bytes = child();
        // SAFETY: writes DRAW bytes from a live array to the pipe's write end, then
        // leaves without running destructors or atexit handlers, as a child must.
        unsafe {
            libc::write(fds[1], bytes.as_ptr().cast(), DRAW);
            libc::_exit(0);
        }
    }
    let mut got = [0u8; DRAW];
    // SAFETY: reads at most DRAW bytes into a live array of DRAW bytes; closes the
    // pipe's ends once, and reaps the child so no zombie is left.
    let n = unsafe {
        libc::close(fds[1]);
        let n = libc::read(fds[0], got.as_mut_ptr().cast(), DRAW);
        libc::close(fds[0]);
        libc::waitpid(pid, core::ptr::null_mut(), 0);
        n
    };
    assert_eq!(usize::try_from(n).ok(), Some(DRAW), "short read from child");
    got
}

fn draw() -> [u8; DRAW] {
    let mut out = [0u8; DRAW];
    FastRng::new().fill_bytes(&mut out);
    out
}

/// Parent and children (made by `how`) never repeat each other's output.
fn never_repeat(how: Fork) {
    let mut seen = HashSet::new();
    // The parent has drawn, so its state (key and buffer) exists before every fork.
    assert!(seen.insert(draw()));
    for _ in 0..FORKS {
        let child = fork_and_collect(how, draw);
        let parent = draw();
        // 32-byte values: a chance collision among 601 has probability < 2^-236.
        assert!(seen.insert(child), "a child repeated earlier output");
        assert!(seen.insert(parent), "the parent repeated a child's output");
    }
}

#[test]
#[ignore = "runs in its own process; started by forked_children_never_repeat_the_parent"]
fn helper_libc_fork() {
    if in_helper() {
        never_repeat(Fork::Libc);
    }
}

#[test]
fn forked_children_never_repeat_the_parent() {
    run_helper("os::fork_tests::helper_libc_fork");
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
#[ignore = "runs in its own process; started by raw_fork_children_never_repeat_the_parent"]
fn helper_raw_fork() {
    if in_helper() {
        never_repeat(Fork::RawSyscall);
    }
}

/// The raw `fork` system call skips the atfork handlers, so the epoch does not move:
/// the kernel's MADV_WIPEONFORK page wipe alone must make the child reseed.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn raw_fork_children_never_repeat_the_parent() {
    run_helper("os::fork_tests::helper_raw_fork");
}

#[test]
#[ignore = "runs in its own process; started by the_kernel_wipes_the_page_and_the_epoch_moves"]
fn helper_page_and_epoch() {
    if !in_helper() {
        return;
    }
    let mut core = Core::new().unwrap();
    let mut out = [0u8; DRAW];
    core.fill(&mut out).unwrap();
    let parent_epoch = super::fork_epoch();
    let report = fork_and_collect(Fork::Libc, || {
        let mut r = [0u8; DRAW];
        r[0] = u8::from(core.page_bytes().iter().all(|&b| b == 0));
        r[1] = u8::from(super::fork_epoch() != parent_epoch);
        r
    });
    #[cfg(target_os = "linux")]
    assert_eq!(
        report[0], 1,
        "MADV_WIPEONFORK: the child's page must read as zeros"
    );
    assert_eq!(
        report[1], 1,
        "the atfork handler must move the child's epoch"
    );
    assert_eq!(
        super::fork_epoch(),
        parent_epoch,
        "the parent's epoch never moves"
    );
    assert!(
        core.page_bytes().iter().any(|&b| b != 0),
        "the parent's page is intact"
    );
}

#[test]
fn the_kernel_wipes_the_page_and_the_epoch_moves() {
    run_helper("os::fork_tests::helper_page_and_epoch");
}
