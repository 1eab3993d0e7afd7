/*
 * match.c: Aho-Corasick over bytes (see match.h).
 *
 * The trie's edges are kept sorted per state and searched by bisection;
 * the root has a full 256-entry table, since most bytes of a text leave
 * the automaton there. Failure links are built breadth-first, with a
 * dictionary link per state to the nearest state on its failure chain
 * that ends a pattern, so a scan reports every match in O(text + matches).
 */
#include "config.h"

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

struct fp_matcher {
	struct ac_state	*st;
	size_t		 nst, capst;
	int		 root[256];	/* root transitions; 0 = stay at root */
	int		 compiled;
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
	free(queue);
	m->compiled = 1;
}

void
fp_matcher_scan(const struct fp_matcher *m, const char *text, size_t len,
    void (*hit)(void *ud, int id), void *ud)
{
	int s = 0;

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
		for (int t = m->st[s].nouts > 0 ? s : m->st[s].dict; t > 0; t = m->st[t].dict)
			for (int k = 0; k < m->st[t].nouts; k++)
				hit(ud, m->st[t].outs[k]);
	}
}

size_t
fp_matcher_states(const struct fp_matcher *m)
{
	return m->nst;
}
