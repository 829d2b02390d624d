/* pipe.h: a pipe made larger, for the tools' streams. */
#ifndef CCHC_PIPE_H
#define CCHC_PIPE_H

/* When fd is a pipe or FIFO, asks for 1 MiB of room in it (the most an
 * unprivileged process may ask by default); anything else, or a refusal,
 * leaves it as it is. */
void pipe_enlarge(int fd);

#endif
