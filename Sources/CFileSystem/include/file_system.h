#ifndef SITEGEN_FILE_SYSTEM_H
#define SITEGEN_FILE_SYSTEM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 with
/// errno set where the kernel or file system cannot (the caller then falls back to two renames).
int sitegen_rename_exchange(const char *a, const char *b);

/// Creates `destination` (which must not exist) with the bytes of the regular file `source`: a
/// copy-on-write clone (Linux FICLONE) where the file system offers one, else a copy in the kernel
/// (copy_file_range), else a plain read and write. Never a link: the copy is independent of the
/// source. Returns 0 on success, -1 with errno set (and no `destination` left behind).
int sitegen_clone_file(const char *source, const char *destination);

#endif
