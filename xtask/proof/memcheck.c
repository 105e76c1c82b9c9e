/* The proof programs' one bridge to valgrind's memcheck: its client requests
 * VALGRIND_MAKE_MEM_UNDEFINED and VALGRIND_MAKE_MEM_DEFINED, from valgrind's own
 * header, behind plain functions Rust can call.
 *
 * A client request is a no-op sequence of instructions outside valgrind; under
 * valgrind it changes only memcheck's shadow bits for the range. It never reads or
 * writes the range itself, so any address and length are harmless.
 *
 * Where valgrind's header is missing (a machine that builds the workspace but never
 * ran the ct check), the requests compile to nothing and rsecrets_ct_memcheck()
 * says so: the ct program then refuses to run rather than pass without checking.
 */
#include <stddef.h>

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define RSECRETS_HAVE_MEMCHECK 1
#endif
#endif

/* Marks [addr, addr + len) secret (undefined) when `secret` is nonzero, else
 * public (defined). */
void rsecrets_ct_mark(void *addr, size_t len, int secret) {
#ifdef RSECRETS_HAVE_MEMCHECK
    if (secret) {
        (void)VALGRIND_MAKE_MEM_UNDEFINED(addr, len);
    } else {
        (void)VALGRIND_MAKE_MEM_DEFINED(addr, len);
    }
#else
    (void)addr;
    (void)len;
    (void)secret;
#endif
}

/* 0: built without valgrind's header; 1: built with it, not running under
 * valgrind; 2: running under valgrind. */
int rsecrets_ct_memcheck(void) {
#ifdef RSECRETS_HAVE_MEMCHECK
    return RUNNING_ON_VALGRIND ? 2 : 1;
#else
    return 0;
#endif
}
