/*
 * workq.c: an ordered, bounded queue of tasks run by worker threads (see
 * workq.h). Three counters over a ring of `depth` slots: tasks are
 * submitted at `tail`, handed to workers at `next_run` and collected at
 * `head`, so head <= next_run <= tail and tail - head <= depth.
 */
#include "config.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "footprint.h"
#include "workq.h"

struct slot {
	void	*task;
	int	 done;
};

struct fp_workq {
	pthread_mutex_t	 mu;
	pthread_cond_t	 work;		/* a task to run, or stop */
	pthread_cond_t	 done;		/* a task finished */
	struct slot	*slots;
	size_t		 depth;
	size_t		 head, next_run, tail;
	int		 stop;
	fp_workq_fn	 fn;
	void		*ctx;
	pthread_t	*threads;
	int		 nthreads;
};

struct worker_arg {
	struct fp_workq	*q;
	int		 index;
};

static void *
worker_main(void *p)
{
	struct worker_arg *a = p;
	struct fp_workq *q = a->q;
	int index = a->index;

	free(a);
	pthread_mutex_lock(&q->mu);
	for (;;) {
		size_t i;
		void *task;

		while (!q->stop && q->next_run == q->tail)
			pthread_cond_wait(&q->work, &q->mu);
		if (q->next_run == q->tail)
			break;		/* stopping, and nothing left to run */
		i = q->next_run++ % q->depth;
		task = q->slots[i].task;
		pthread_mutex_unlock(&q->mu);
		q->fn(q->ctx, index, task);
		pthread_mutex_lock(&q->mu);
		q->slots[i].done = 1;
		pthread_cond_broadcast(&q->done);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

struct fp_workq *
fp_workq_new(int workers, size_t depth, fp_workq_fn fn, void *ctx)
{
	struct fp_workq *q = xcalloc(1, sizeof *q);

	q->depth = depth > 0 ? depth : 1;
	q->slots = xcalloc(q->depth, sizeof *q->slots);
	q->fn = fn;
	q->ctx = ctx;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	if (workers > 0)
		q->threads = xcalloc((size_t)workers, sizeof *q->threads);
	for (int i = 0; i < workers; i++) {
		struct worker_arg *a = xcalloc(1, sizeof *a);

		a->q = q;
		a->index = i;
		if (pthread_create(&q->threads[q->nthreads], NULL, worker_main, a) != 0) {
			free(a);	/* fewer threads: still correct */
			break;
		}
		q->nthreads++;
	}
	return q;
}

void
fp_workq_free(struct fp_workq *q)
{
	if (q == NULL)
		return;
	pthread_mutex_lock(&q->mu);
	q->stop = 1;
	pthread_cond_broadcast(&q->work);
	pthread_mutex_unlock(&q->mu);
	for (int i = 0; i < q->nthreads; i++)
		pthread_join(q->threads[i], NULL);
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	free(q->threads);
	free(q->slots);
	free(q);
}

int
fp_workq_submit(struct fp_workq *q, void *task)
{
	struct slot *s;

	pthread_mutex_lock(&q->mu);
	if (q->tail - q->head == q->depth) {
		pthread_mutex_unlock(&q->mu);
		return -1;
	}
	s = &q->slots[q->tail % q->depth];
	s->task = task;
	s->done = 0;
	if (q->nthreads == 0) {
		/* no workers: run it here, in order */
		q->tail++;
		q->next_run++;
		pthread_mutex_unlock(&q->mu);
		q->fn(q->ctx, 0, task);
		pthread_mutex_lock(&q->mu);
		s->done = 1;
	} else {
		q->tail++;
		pthread_cond_signal(&q->work);
	}
	pthread_mutex_unlock(&q->mu);
	return 0;
}

void *
fp_workq_collect(struct fp_workq *q)
{
	void *task = NULL;

	pthread_mutex_lock(&q->mu);
	if (q->head != q->tail) {
		struct slot *s = &q->slots[q->head % q->depth];

		while (!s->done)
			pthread_cond_wait(&q->done, &q->mu);
		task = s->task;
		s->task = NULL;
		q->head++;
	}
	pthread_mutex_unlock(&q->mu);
	return task;
}

size_t
fp_workq_in_flight(const struct fp_workq *q)
{
	size_t n;

	pthread_mutex_lock((pthread_mutex_t *)&q->mu);
	n = q->tail - q->head;
	pthread_mutex_unlock((pthread_mutex_t *)&q->mu);
	return n;
}

int
fp_jobs(void)
{
	const char *env = getenv("FOOTPRINT_JOBS");
	long n = 0;

	if (env != NULL && *env != '\0') {
		char *end;

		n = strtol(env, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 64)
			return (int)n;
	}
#ifdef CPU_COUNT
	{
		cpu_set_t set;

		if (sched_getaffinity(0, sizeof set, &set) == 0)
			n = CPU_COUNT(&set);
	}
#endif
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n <= 0)
		n = 1;
	return n > 8 ? 8 : (int)n;
}
