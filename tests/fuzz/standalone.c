/*
 * standalone.c: main() for a harness built without libFuzzer: runs each
 * file named on the command line through LLVMFuzzerTestOneInput once.
 * Built into every harness; empty when libFuzzer brings its own main.
 */
#include "config.h"

#ifndef FP_FUZZING
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "fuzz.h"

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		struct fp_buf b = FP_BUF_INIT;
		char chunk[65536];
		size_t n;

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		fp_buf_add(&b, "", 0);
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			fp_buf_add(&b, chunk, n);
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
		fp_buf_release(&b);
	}
	return 0;
}
#endif
