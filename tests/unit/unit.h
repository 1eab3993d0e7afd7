/*
 * unit.h: a minimal unit-test harness. Each tests/unit/test-*.c defines
 * its cases with UNIT(name) { ... } and lists them in UNIT_MAIN(a, b, ...).
 * Checks report file:line and the values; the program prints one line per
 * case and exits 0 only when every check passed (automake's protocol).
 */
#ifndef FP_UNIT_H
#define FP_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failed;

#define UNIT(name) static void name(void)

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		unit_failed++; \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_) != 0)) { \
		fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, \
		    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		unit_failed++; \
	} \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { \
		fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, \
		    #got, g_, w_); \
		unit_failed++; \
	} \
} while (0)

typedef void (*unit_fn)(void);

static int
unit_run(const char *const *names, const unit_fn *fns, size_t n)
{
	int total_failed = 0;

	for (size_t i = 0; i < n; i++) {
		int before = unit_failed;

		fns[i]();
		printf("%s %s\n", unit_failed == before ? "ok  " : "FAIL", names[i]);
		if (unit_failed != before)
			total_failed++;
	}
	printf("%zu passed, %d failed\n", n - (size_t)total_failed, total_failed);
	return total_failed ? 1 : 0;
}

#define UNIT_STR_(...) #__VA_ARGS__
#define UNIT_MAIN(...) \
	int main(void) { \
		static const unit_fn fns[] = { __VA_ARGS__ }; \
		static char list[] = UNIT_STR_(__VA_ARGS__); \
		const char *names[sizeof fns / sizeof fns[0]]; \
		size_t n = 0; \
		for (char *p = strtok(list, ", "); p && n < sizeof fns / sizeof fns[0]; \
		    p = strtok(NULL, ", ")) \
			names[n++] = p; \
		return unit_run(names, fns, n); \
	}

#endif
