#include <stdio.h>
#include <stdlib.h>
#include "list.h"

#define MAX_ITEMS 64
#ifdef DEBUG
#  define LOG(...) fprintf(stderr, __VA_ARGS__)
#endif

/* A list of numbers. */
typedef struct node {
    int value;
    struct node *next;
} node_t;

static unsigned long count = 0UL;

node_t *push(node_t *head, int value) {
    node_t *n = malloc(sizeof *n);
    if (n == NULL) return head;  // out of memory
    n->value = value;
    n->next = head;
    count++;
    return n;
}

int main(int argc, char **argv) {
    node_t *list = NULL;
    for (int i = 0; i < MAX_ITEMS && i < argc; i++) list = push(list, atoi(argv[i]));
    printf("%lu items, first %d, '%c' %f\n", count, list ? list->value : -1, 'x', 1.5e3);
    return 0;
}
