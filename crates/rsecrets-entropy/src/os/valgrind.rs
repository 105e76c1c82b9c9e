//! The proof build's hook into valgrind's memcheck (`--cfg rsecrets_valgrind`, set
//! by `cargo xtask proof`): [`mark_secret`] tells memcheck that a freshly seeded key
//! is secret, so that any branch or memory address that depends on what the
//! generator serves is reported. memcheck sees bytes from the OS as ordinary defined
//! data; without this hook a check of `FastRng`'s draw path would check nothing.
//!
//! Normal builds do not contain this module (test builds do, so that its `unsafe`
//! block is tested). The request is valgrind's own: `VALGRIND_MAKE_MEM_UNDEFINED`
//! from `memcheck.h`, written out as `valgrind.h` writes it for amd64, because a
//! library crate has no C compiler at hand.

/// `VG_USERREQ__MAKE_MEM_UNDEFINED` in `memcheck.h`: `VG_USERREQ_TOOL_BASE('M','C')`
/// (`'M' << 24 | 'C' << 16`) plus one.
const MAKE_MEM_UNDEFINED: usize = 0x4d43_0001;

/// Tells memcheck that `bytes` are secret (undefined): from here on, memcheck
/// reports a conditional jump, or an address, computed from them. Outside valgrind
/// it does nothing.
pub(crate) fn mark_secret(bytes: &mut [u8]) {
    let args: [usize; 6] = [
        MAKE_MEM_UNDEFINED,
        bytes.as_mut_ptr().addr(),
        bytes.len(),
        0,
        0,
        0,
    ];
    // valgrind's client-request sequence for amd64, as valgrind.h's
    // VALGRIND_DO_CLIENT_REQUEST_EXPR emits it: rdi rotated by 3 + 13 + 61 + 51 = 128
    // bits (back where it was), then `xchg rbx, rbx` (which changes nothing), with rax
    // pointing at the request and rdx holding the default result.
    // SAFETY: natively this changes only the flags (clobbered by default) and rdx (an
    // output). Under valgrind, memcheck reads `args` (alive for the statement) and
    // changes only its shadow state for `bytes`, borrowed mutably; memory is not
    // declared untouched, so the compiler reads `bytes` again afterwards.
    unsafe {
        core::arch::asm!(
            "rol rdi, 3",
            "rol rdi, 13",
            "rol rdi, 61",
            "rol rdi, 51",
            "xchg rbx, rbx",
            in("rax") args.as_ptr(),
            inout("rdx") 0usize => _,
            options(nostack),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outside valgrind the request is a no-op: the bytes and the program go on
    /// unchanged. (Under valgrind, `cargo xtask proof` shows it working: a branch on
    /// a `FastRng` draw, its negative control, is reported.)
    #[test]
    fn natively_the_request_changes_nothing() {
        let mut bytes = *b"a key of thirty-two bytes, fixed";
        mark_secret(&mut bytes);
        assert_eq!(&bytes, b"a key of thirty-two bytes, fixed");
        mark_secret(&mut []);
        let tool_base = usize::from(b'M') << 24 | usize::from(b'C') << 16;
        assert_eq!(MAKE_MEM_UNDEFINED, tool_base + 1);
    }
}
