/*
 * workq.h: an ordered, bounded queue of tasks run by worker threads.
 *
 * The calling thread submits tasks (opaque pointers it owns) and collects
 * them back, done, in the order it submitted them; in between, one of the
 * queue's workers runs fn(ctx, worker, task) on each. With one worker the
 * tasks run one after another in submission order (the import uses that:
 * one thread reads the archive while the caller writes the store); with
 * several they run at once (the scan judges items on every core). With no
 * worker at all (jobs 0) fn runs inside fp_workq_submit, on the caller's
 * thread: the same code path, one thread.
 *
 * At most `depth` tasks are in flight: fp_workq_submit returns -1 when the
 * queue is full, and the caller must collect one first. Not cancellable:
 * a caller that wants to stop early tells fn through ctx and collects what
 * is in flight.
 */
#ifndef FP_WORKQ_H
#define FP_WORKQ_H

#include <stddef.h>

struct fp_workq;

typedef void (*fp_workq_fn)(void *ctx, int worker, void *task);

/* workers: threads to start (0: run every task inside submit). */
struct fp_workq *fp_workq_new(int workers, size_t depth, fp_workq_fn fn, void *ctx);
/* Waits for every task in flight (uncollected tasks are the caller's to
 * free: collect them first), then stops the workers. NULL is a no-op. */
void	 fp_workq_free(struct fp_workq *q);

/* 0 when queued (or run, without workers); -1 when depth tasks are in flight. */
int	 fp_workq_submit(struct fp_workq *q, void *task);
/* The oldest task submitted and not yet collected, once it is done (waits
 * for it); NULL when none is in flight. */
void	*fp_workq_collect(struct fp_workq *q);
size_t	 fp_workq_in_flight(const struct fp_workq *q);

/* How many threads judging should use: FOOTPRINT_JOBS if set (1..64;
 * 1 means everything on one thread), else the CPUs online, at most 8. */
int	 fp_jobs(void);

#endif
