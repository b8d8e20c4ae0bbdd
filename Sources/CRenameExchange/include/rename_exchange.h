#ifndef SITEGEN_RENAME_EXCHANGE_H
#define SITEGEN_RENAME_EXCHANGE_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 with
/// errno set where the kernel or file system cannot (the caller then falls back to two renames).
int sitegen_rename_exchange(const char *a, const char *b);

#endif
