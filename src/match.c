/*
 * match.c: Aho-Corasick over bytes (see match.h).
 *
 * The trie's edges are kept sorted per state and searched by bisection;
 * the root has a full 256-entry table, since most bytes of a text leave
 * the automaton there. Failure links are built breadth-first, with a
 * dictionary link per state to the nearest state on its failure chain
 * that ends a pattern, so a scan reports every match in O(text + matches).
 *
 * A scan then runs on a dense table when the automaton has at most
 * DENSE_MAX states (the rule pack's has about 15,000): the bytes that occur
 * in no pattern share one class, every other byte has its own, and each
 * state has a row of next states per class, the failure links already
 * followed, with a flag on the states that report (those with outputs of
 * their own or on their dictionary chain). One load per byte of text, about
 * three times the speed of bisection and failure chains. Rows are a power
 * of two of entries wide, so that the next row is a shift away, not a
 * multiplication (its three cycles are a third of each byte's chain of
 * dependent work); the table is 2 bytes x states x that width (4 MB for
 * the rule pack: 15,000 states, 102 classes in rows of 128). Bigger
 * automata are scanned the sparse way.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"
#include "match.h"

struct ac_edge {
	unsigned char	byte;
	int		to;
};

struct ac_state {
	struct ac_edge	*edges;		/* sorted by byte */
	int		 nedges, capedges;
	int		 fail;
	int		 dict;		/* next state with outputs on the fail chain, or -1 */
	int		*outs;		/* pattern ids ending here */
	int		 nouts, capouts;
};

#define DENSE_MAX	0x7fff	/* states a dense row entry can name */
#define DENSE_REPORTS	0x8000	/* entry flag: the state reports matches */

struct fp_matcher {
	struct ac_state	*st;
	size_t		 nst, capst;
	int		 root[256];	/* root transitions; 0 = stay at root */
	int		 compiled;
	unsigned char	 cls[256];	/* byte -> class; 0: in no pattern */
	size_t		 ncls;
	unsigned	 row_shift;	/* a dense row: 1 << row_shift >= ncls entries */
	uint16_t	*dense;		/* nst rows, or NULL */
	int		*dense_state;	/* row -> state */
	size_t		 maxlen;	/* the longest pattern's bytes */
};

static int
new_state(struct fp_matcher *m)
{
	if (m->nst == m->capst) {
		m->capst = m->capst ? m->capst * 2 : 64;
		m->st = xreallocarray(m->st, m->capst, sizeof *m->st);
	}
	memset(&m->st[m->nst], 0, sizeof *m->st);
	m->st[m->nst].dict = -1;
	return (int)m->nst++;
}

struct fp_matcher *
fp_matcher_new(void)
{
	struct fp_matcher *m = xcalloc(1, sizeof *m);

	new_state(m);
	return m;
}

void
fp_matcher_free(struct fp_matcher *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nst; i++) {
		free(m->st[i].edges);
		free(m->st[i].outs);
	}
	free(m->st);
	free(m->dense);
	free(m->dense_state);
	free(m);
}

static int
edge_find(const struct ac_state *s, unsigned char c)
{
	int lo = 0, hi = s->nedges - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (s->edges[mid].byte == c)
			return s->edges[mid].to;
		if (s->edges[mid].byte < c)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

void
fp_matcher_add(struct fp_matcher *m, const char *pat, size_t len, int id)
{
	int cur = 0;

	if (len == 0)
		return;
	if (len > m->maxlen)
		m->maxlen = len;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)pat[i];
		int next = edge_find(&m->st[cur], c);

		if (next < 0) {
			struct ac_state *s;
			int pos;

			next = new_state(m);
			s = &m->st[cur];
			if (s->nedges == s->capedges) {
				s->capedges = s->capedges ? s->capedges * 2 : 2;
				s->edges = xreallocarray(s->edges, (size_t)s->capedges,
				    sizeof *s->edges);
			}
			for (pos = s->nedges; pos > 0 && s->edges[pos - 1].byte > c; pos--)
				s->edges[pos] = s->edges[pos - 1];
			s->edges[pos].byte = c;
			s->edges[pos].to = next;
			s->nedges++;
		}
		cur = next;
	}
	{
		struct ac_state *s = &m->st[cur];

		for (int i = 0; i < s->nouts; i++)
			if (s->outs[i] == id)
				return;
		if (s->nouts == s->capouts) {
			s->capouts = s->capouts ? s->capouts * 2 : 1;
			s->outs = xreallocarray(s->outs, (size_t)s->capouts, sizeof *s->outs);
		}
		s->outs[s->nouts++] = id;
	}
	m->compiled = 0;
	free(m->dense);		/* stale until compiled again */
	m->dense = NULL;
}

static int
reports(const struct fp_matcher *m, int s)
{
	return s > 0 && (m->st[s].nouts > 0 || m->st[s].dict > 0);
}

/* The dense table (see the top of the file); order: the states but the
 * root, breadth first, so that a state's failure row is built before it.
 * Rows are in that order too: the states near the root, where a scan
 * mostly is, share a few hundred KiB of cache. */
static void
dense_build(struct fp_matcher *m, const int *order, size_t n)
{
	unsigned char rep[256];		/* class -> a byte of it */
	uint16_t *dense_id;		/* state -> its row */
	size_t nc = 1;

	free(m->dense);
	m->dense = NULL;
	if (m->nst > DENSE_MAX)
		return;
	memset(m->cls, 0, sizeof m->cls);
	for (size_t s = 0; s < m->nst; s++)
		for (int e = 0; e < m->st[s].nedges; e++)
			m->cls[m->st[s].edges[e].byte] = 1;
	rep[0] = 0;
	for (int b = 0; b < 256; b++)
		if (m->cls[b]) {
			m->cls[b] = (unsigned char)nc;
			rep[nc++] = (unsigned char)b;
		}
	m->ncls = nc;
	for (m->row_shift = 0; ((size_t)1 << m->row_shift) < nc; m->row_shift++)
		;
	m->dense = xcalloc(m->nst << m->row_shift, sizeof *m->dense);
	free(m->dense_state);
	m->dense_state = xcalloc(m->nst, sizeof *m->dense_state);
	dense_id = xcalloc(m->nst, sizeof *dense_id);
	for (size_t i = 0; i < n; i++) {
		dense_id[order[i]] = (uint16_t)(i + 1);
		m->dense_state[i + 1] = order[i];
	}
#define ENTRY(to) ((uint16_t)(dense_id[to] | (reports(m, to) ? DENSE_REPORTS : 0)))
	/* class 0 leads back to the root from everywhere: left 0 */
	for (size_t c = 1; c < nc; c++)
		m->dense[c] = ENTRY(m->root[rep[c]]);
	for (size_t i = 0; i < n; i++) {
		int s = order[i];
		uint16_t *row = m->dense + ((i + 1) << m->row_shift);
		const uint16_t *frow = m->dense + ((size_t)dense_id[m->st[s].fail] << m->row_shift);

		for (size_t c = 1; c < nc; c++) {
			int to = edge_find(&m->st[s], rep[c]);

			row[c] = to < 0 ? frow[c] : ENTRY(to);
		}
	}
#undef ENTRY
	free(dense_id);
}

void
fp_matcher_compile(struct fp_matcher *m)
{
	int *queue = xcalloc(m->nst, sizeof *queue);
	size_t head = 0, tail = 0;

	memset(m->root, 0, sizeof m->root);
	for (int e = 0; e < m->st[0].nedges; e++) {
		int to = m->st[0].edges[e].to;

		m->root[m->st[0].edges[e].byte] = to;
		m->st[to].fail = 0;
		m->st[to].dict = -1;
		queue[tail++] = to;
	}
	while (head < tail) {
		int s = queue[head++];

		for (int e = 0; e < m->st[s].nedges; e++) {
			unsigned char c = m->st[s].edges[e].byte;
			int to = m->st[s].edges[e].to, f = m->st[s].fail, g;

			for (;;) {
				if (f == 0) {
					g = m->root[c];		/* 0: back to the root */
					break;
				}
				if ((g = edge_find(&m->st[f], c)) >= 0)
					break;
				f = m->st[f].fail;
			}
			if (g == to)
				g = 0;
			m->st[to].fail = g;
			m->st[to].dict = m->st[g].nouts > 0 ? g : m->st[g].dict;
			queue[tail++] = to;
		}
	}
	dense_build(m, queue, tail);
	free(queue);
	m->compiled = 1;
}

/* Every pattern that ends at state s. */
static void
report(const struct fp_matcher *m, int s, void (*hit)(void *ud, int id), void *ud)
{
	for (int t = m->st[s].nouts > 0 ? s : m->st[s].dict; t > 0; t = m->st[t].dict)
		for (int k = 0; k < m->st[t].nouts; k++)
			hit(ud, m->st[t].outs[k]);
}

void
fp_matcher_scan(const struct fp_matcher *m, const char *text, size_t len,
    void (*hit)(void *ud, int id), void *ud)
{
	int s = 0;

	if (m->dense != NULL) {
		const uint16_t *d = m->dense;
		const unsigned char *cls = m->cls;
		unsigned sh = m->row_shift;
		size_t at = 0;		/* at: row of the current state */

		for (size_t i = 0; i < len; i++) {
			unsigned v = d[at + cls[(unsigned char)text[i]]];

			at = (size_t)(v & DENSE_MAX) << sh;
			if (v & DENSE_REPORTS)
				report(m, m->dense_state[v & DENSE_MAX], hit, ud);
		}
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		for (;;) {
			int g;

			if (s == 0) {
				s = m->root[c];
				break;
			}
			if ((g = edge_find(&m->st[s], c)) >= 0) {
				s = g;
				break;
			}
			s = m->st[s].fail;
		}
		report(m, s, hit, ud);
	}
}

/*
 * A scan of the dense table is a chain of dependent loads, a few cycles
 * each; two chains at once run in nearly the time of one. The text is cut
 * in two overlapping halves: the first is scanned to mid, the second from
 * the root at mid - (maxlen - 1), so that a match ending at mid or after
 * starts inside it. A match in the overlap may be reported twice.
 */
#define MARK_SPLIT	16	/* shorter texts: one chain */

void
fp_matcher_mark(const struct fp_matcher *m, const char *text, size_t len,
    void (*hit)(void *ud, int id), void *ud)
{
	const uint16_t *d = m->dense;
	const unsigned char *cls = m->cls, *a, *b;
	unsigned sh = m->row_shift;
	size_t at = 0, bt = 0, na, nb, k;

	if (d == NULL || m->maxlen == 0 || len < MARK_SPLIT + 2 * m->maxlen) {
		fp_matcher_scan(m, text, len, hit, ud);
		return;
	}
	na = (len + m->maxlen - 1) / 2;			/* [0, na) */
	a = (const unsigned char *)text;
	b = a + na - (m->maxlen - 1);			/* [na - maxlen + 1, len) */
	nb = len - (size_t)(b - a);
	for (k = 0; k < na && k < nb; k++) {
		unsigned v = d[at + cls[a[k]]], w = d[bt + cls[b[k]]];

		at = (size_t)(v & DENSE_MAX) << sh;
		bt = (size_t)(w & DENSE_MAX) << sh;
		if ((v | w) & DENSE_REPORTS) {
			if (v & DENSE_REPORTS)
				report(m, m->dense_state[v & DENSE_MAX], hit, ud);
			if (w & DENSE_REPORTS)
				report(m, m->dense_state[w & DENSE_MAX], hit, ud);
		}
	}
	for (; k < nb; k++) {		/* nb is na or na + 1 */
		unsigned w = d[bt + cls[b[k]]];

		bt = (size_t)(w & DENSE_MAX) << sh;
		if (w & DENSE_REPORTS)
			report(m, m->dense_state[w & DENSE_MAX], hit, ud);
	}
	for (; k < na; k++) {
		unsigned v = d[at + cls[a[k]]];

		at = (size_t)(v & DENSE_MAX) << sh;
		if (v & DENSE_REPORTS)
			report(m, m->dense_state[v & DENSE_MAX], hit, ud);
	}
}

size_t
fp_matcher_states(const struct fp_matcher *m)
{
	return m->nst;
}
