/*
 * fuzz.h: what the fuzz harnesses (tests/fuzz/fuzz-*.c) share.
 *
 * Each harness is one LLVMFuzzerTestOneInput. Built with
 * ./configure --enable-fuzzing it links libFuzzer; otherwise standalone.c
 * gives it a main() that runs the files named on the command line once
 * each, which is how `make check` replays the seeds and every crash kept in
 * tests/fuzz/regressions (tests/fuzz/replay.sh).
 *
 * The connector harnesses read a bundle: several files in one input,
 *
 *   @@ data/account.js
 *   window.YTD.account.part0 = [...]
 *   @@ data/tweets.js
 *   ...
 *
 * each "@@ name" line starting a member. An input that does not start with
 * "@@ " is one member under the harness's default name.
 */
#ifndef FP_FUZZ_H
#define FP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_bundle {
	char		*copy;		/* the input, owned */
	const char	**names;	/* into copy */
	const char	**data;		/* into copy */
	size_t		*len;
	size_t		 n;
};

void	fuzz_bundle_parse(struct fuzz_bundle *b, const uint8_t *data, size_t size,
	    const char *default_name);
void	fuzz_bundle_release(struct fuzz_bundle *b);

/* Abort (a finding for the fuzzer) with a message when cond is false. */
#define FUZZ_ASSERT(cond) do { if (!(cond)) fuzz_fail(#cond, __FILE__, __LINE__); } while (0)
void	fuzz_fail(const char *what, const char *file, int line) __attribute__((noreturn));

/* The shipped rule set, loaded once (NULL if it will not load). */
struct fp_ruleset;
const struct fp_ruleset *fuzz_rules(void);

#endif
